/** The shapes that repeat a judgement's words, so that no state is told by colour alone:
 * a tick (fine), a ring with a bar (could be better), a triangle with a mark (act), an "i"
 * (a suggestion), a dash (no verdict). Decorative: the words beside it say the same. */
export type HealthIconKind = 'ok' | 'watch' | 'alert' | 'info' | 'none';

export function HealthIcon({ kind }: { kind: HealthIconKind }) {
  return (
    <svg className={`health-icon health-icon--${kind}`} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {kind === 'ok' ? (
        <>
          <circle cx="8" cy="8" r="7" />
          <path className="health-icon__mark" d="M4.8 8.2 7 10.4l4.2-4.6" />
        </>
      ) : kind === 'watch' ? (
        <>
          <circle cx="8" cy="8" r="6.25" className="health-icon__ring" />
          <path className="health-icon__bar" d="M5 8h6" />
        </>
      ) : kind === 'alert' ? (
        <>
          <path d="M8 1.2 15.2 14.3H.8z" />
          <path className="health-icon__mark" d="M8 6v3.6M8 11.7v.01" />
        </>
      ) : kind === 'info' ? (
        <>
          <circle cx="8" cy="8" r="7" />
          <path className="health-icon__mark" d="M8 7.2v4.3M8 4.6v.01" />
        </>
      ) : (
        <path className="health-icon__bar" d="M4 8h8" />
      )}
    </svg>
  );
}
