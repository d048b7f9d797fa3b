import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// Eight test runs may share two cores: a screen that renders in 100 ms alone can take seconds then.
configure({ asyncUtilTimeout: 5_000 })

afterEach(() => cleanup())
