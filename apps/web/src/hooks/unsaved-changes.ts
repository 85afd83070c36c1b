import { useEffect, useId } from 'react';
import { useBlocker } from 'react-router-dom';

export const UNSAVED_MESSAGE = 'Du har ändringar som inte är sparade. Vill du lämna sidan ändå?';

/** The parts of the page holding text that is typed and not saved yet. */
const dirtyParts = new Set<string>();

/** A form marks itself as holding unsaved text while `dirty` is true. */
export function useUnsavedChanges(dirty: boolean): void {
  const id = useId();
  useEffect(() => {
    if (!dirty) return;
    dirtyParts.add(id);
    return () => {
      dirtyParts.delete(id);
    };
  }, [dirty, id]);
}

export const hasUnsavedChanges = (): boolean => dirtyParts.size > 0;

/**
 * Text typed and not yet saved is never lost without a warning: closing or reloading the tab asks the browser's
 * own question, and moving to another page of the app asks ours. One guard for the whole app (a router allows
 * one blocker at a time); forms report through useUnsavedChanges.
 */
export function UnsavedChangesGuard(): null {
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges()) return;
      e.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      hasUnsavedChanges() && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(UNSAVED_MESSAGE)) {
      dirtyParts.clear();
      blocker.proceed();
    } else blocker.reset();
  }, [blocker]);
  return null;
}
