/** One page of a list. `next` is opaque: pass it back unchanged to get the following page. */
export interface Page<T> {
  items: T[];
  next?: string;
  /** Total count where the marketplace reports one (Metro). */
  total?: number;
}
