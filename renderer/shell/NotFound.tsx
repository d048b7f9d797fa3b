import { Link } from 'react-router'

export function NotFound() {
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Nothing here</h1>
      </header>
      <p>
        This page does not exist. <Link to="/cases">Go to the cases</Link>.
      </p>
    </div>
  )
}
