import { z } from 'zod'

/** The languages the desk writes in: the screens are English; a reporter may be written to in Dutch. */
export const Language = z.enum(['en', 'nl'])
export type Language = z.infer<typeof Language>
