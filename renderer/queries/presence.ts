import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { call } from '../desk'

/**
 * The other apps that have this store file open. No event says when a colleague opens or closes the shared file (their
 * entries beside it change, not the store), so this one query is asked again: every 30 seconds, and when the window
 * comes forward. TanStack's focus refetch hears only the page becoming visible; a window brought forward from behind
 * another stays visible throughout, hence the window's own focus event.
 */
export const presenceKey = ['presence'] as const

export function usePresence() {
  const query = useQuery({
    queryKey: presenceKey,
    queryFn: () => call((desk) => desk.store.presence({})),
    staleTime: 0,
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  })
  const { refetch } = query
  useEffect(() => {
    const again = () => void refetch()
    window.addEventListener('focus', again)
    return () => window.removeEventListener('focus', again)
  }, [refetch])
  return query
}
