/**
 * Lines a writer may read more than once, each time from the first: a printed book is read
 * twice, once to measure how tall each row prints (and so how many pages there are) and
 * once to draw it, without holding a million lines in between. Each reading starts `read`
 * afresh, which for a book is a new query.
 */
export function rereadable<T>(read: () => Iterator<T>): Iterable<T> {
  return { [Symbol.iterator]: read };
}
