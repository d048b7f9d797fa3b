import { QueryClient } from '@tanstack/react-query'

/**
 * The cache of one store file's data. Nothing goes stale by age: main says what changed (desk events) and the
 * mutations say what they changed, and only that is fetched again. A failed call is not retried: the desk answers
 * from the same process, so a second try gives the same refusal.
 */
export function createDeskQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  })
}
