import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <>
      <h1>Sidan finns inte</h1>
      <p>
        Länken kan vara gammal, eller så saknar du behörighet. <Link to="/">Till startsidan</Link>
      </p>
    </>
  );
}
