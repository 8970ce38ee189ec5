import { useEffect, useId, useRef, useState, type Ref } from 'react';

interface SearchFieldProps {
  label: string;
  /** The search in effect (usually from the URL). */
  value: string;
  /** Called with the trimmed text once typing pauses, or at once on Enter. */
  onSearch: (value: string) => void;
  placeholder?: string;
  delayMs?: number;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled search box (role searchbox) that waits for a pause in typing before searching. */
export function SearchField({ label, value, onSearch, placeholder, delayMs = 300, inputRef }: SearchFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  // The value as last seen, and the last value this field asked for: a change of `value`
  // that this field did not ask for (back button, "clear search") replaces the draft.
  const [seen, setSeen] = useState(value);
  const [requested, setRequested] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== requested) {
      setRequested(value);
      setDraft(value);
    }
  }

  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  });

  const commit = (text: string) => {
    const trimmed = text.trim();
    if (trimmed === value.trim()) return;
    setRequested(trimmed);
    onSearchRef.current(trimmed);
  };

  useEffect(() => {
    const trimmed = draft.trim();
    if (trimmed === value.trim()) return;
    const timer = setTimeout(() => {
      setRequested(trimmed);
      onSearchRef.current(trimmed);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [draft, value, delayMs]);

  return (
    <div className="search-field" role="search">
      <label htmlFor={id} className="search-field__label">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        className="input search-field__input"
        value={draft}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit(draft);
          } else if (event.key === 'Escape' && draft !== '') {
            event.preventDefault();
            setDraft('');
            commit('');
          }
        }}
      />
    </div>
  );
}
