import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';

const TOKEN_KEY = 'samordning.token';
const EXPIRED_KEY = 'samordning.expired';

/** When the token runs out (the JWT's exp, in milliseconds), or null when it cannot be read. */
function expiresAt(token: string): number | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
      exp?: number;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * The bearer token is shared by the browser's tabs (localStorage, never a cookie), so a new tab or a link from an
 * e-mail opens signed in. It is dropped when it has run out, and the login page then says the session expired.
 */
export const session = {
  get token(): string | null {
    const t = localStorage.getItem(TOKEN_KEY);
    if (!t) return null;
    const exp = expiresAt(t);
    if (exp !== null && exp <= Date.now()) {
      session.expire();
      return null;
    }
    return t;
  },
  set(token: string | null): void {
    sessionStorage.removeItem(EXPIRED_KEY);
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  },
  /** The API no longer accepts the token (it ran out, or the password changed): sign out and say why. */
  expire(): void {
    if (localStorage.getItem(TOKEN_KEY)) sessionStorage.setItem(EXPIRED_KEY, '1');
    localStorage.removeItem(TOKEN_KEY);
  },
  /** True once after the session ran out, for the login page's message. */
  get expired(): boolean {
    return sessionStorage.getItem(EXPIRED_KEY) === '1';
  },
  /** Calls back when another tab signs in or out. */
  onChange(fn: () => void): () => void {
    const listener = (e: StorageEvent) => {
      if (e.key === TOKEN_KEY || e.key === null) fn();
    };
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  },
};

function authHeaders(): Record<string, string> {
  return session.token ? { authorization: `Bearer ${session.token}` } : {};
}

/** Called when the API says the token is no longer valid (expired, or the password changed). */
let onUnauthenticated: () => void = () => undefined;
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

const wsUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

export function createApiClient(): Client {
  const ws = createWsClient({
    url: wsUrl(),
    lazy: true,
    connectionParams: () => (session.token ? { authorization: `Bearer ${session.token}` } : {}),
    retryAttempts: 5,
  });
  return new Client({
    url: '/graphql',
    // POST for queries too: the API's CSRF protection refuses simple GET requests, and tokens stay out of URLs.
    preferGetMethod: false,
    // Every answer is fresh: several people work on the same follow-up, and a stale status misleads.
    requestPolicy: 'cache-and-network',
    exchanges: [
      // A token the API no longer accepts (it ran out while the page was open): back to the login page, which
      // says the session expired, instead of an error on every part of the page.
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((g) => g.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
    fetchOptions: (): RequestInit => ({ headers: authHeaders() }),
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (res.status === 401) onUnauthenticated();
      return res;
    },
  });
}

/** Authenticated GET of a file as a download (the browser cannot add a bearer header to a plain link). */
export async function downloadFile(fileId: string, fallbackName: string): Promise<void> {
  const res = await fetch(`/files/${fileId}`, { headers: authHeaders() });
  if (!res.ok) throw new Error(`Filen kunde inte hämtas (${res.status}).`);
  const disposition = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = m ? decodeURIComponent(m[1]) : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A stored file as an object URL (an image preview); the caller revokes it. */
export async function fileObjectUrl(fileId: string): Promise<string> {
  const res = await fetch(`/files/${fileId}`, { headers: authHeaders() });
  if (!res.ok) throw new Error(`Filen kunde inte hämtas (${res.status}).`);
  return URL.createObjectURL(await res.blob());
}

export interface UploadedFile {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
}

/** Uploads one file with progress (XMLHttpRequest reports upload progress; fetch does not). */
export function uploadFile(
  file: File,
  query: Record<string, string>,
  onProgress: (percent: number) => void,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/files?${new URLSearchParams(query)}`);
    if (session.token) xhr.setRequestHeader('authorization', `Bearer ${session.token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: { message?: string } & Partial<UploadedFile> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status === 201) {
        onProgress(100);
        resolve(body as UploadedFile);
      } else reject(new Error(body.message ?? `Uppladdningen misslyckades (${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error('Uppladdningen avbröts; kontrollera anslutningen och försök igen.'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
