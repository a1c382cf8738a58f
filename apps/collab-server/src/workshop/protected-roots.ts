import { WORKSHOP_ROOT } from '@squall/model';
import * as Y from 'yjs';

/** Root types only the server writes: a peer's update touching one is dropped. */
export const PROTECTED_ROOTS: ReadonlySet<string> = new Set([WORKSHOP_ROOT]);

/** Something in the update refers to what neither the document nor the update holds. */
export const UNRESOLVED = Symbol('unresolved');
/** The update's origins run in a circle: no real client writes that. */
export const MALFORMED = Symbol('malformed');

type Struct = Y.Item | Y.GC | Y.Skip;
/** Where a struct lives: a root type's name, `null` for content that is already garbage, or unresolved. */
type Root = string | null | typeof UNRESOLVED | typeof MALFORMED;

/** The struct of `structs` (sorted by clock, without gaps between neighbours) holding `clock`. */
function findStruct(structs: readonly Struct[], clock: number): Struct | undefined {
  let low = 0;
  let high = structs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const struct = structs[mid]!;
    if (clock < struct.id.clock) high = mid - 1;
    else if (clock >= struct.id.clock + struct.length) low = mid + 1;
    else return struct;
  }
  return undefined;
}

function rootName(doc: Y.Doc, type: Y.AbstractType<unknown>): string | null {
  let top = type;
  while (top._item) {
    const parent = top._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    top = parent;
  }
  for (const [name, shared] of doc.share) if (shared === top) return name;
  return null;
}

/**
 * The root types an incoming update would touch, found without applying it: for every new item, the
 * root its parent (named, or the item holding the parent type), its origin or its right origin lives in,
 * looked up in the document or earlier in the update; for every deleted range, the roots of the live
 * items it deletes. `UNRESOLVED` when anything refers to what neither holds: Yjs would keep such a struct
 * pending and integrate it later, possibly under a protected root, so it cannot be let through.
 */
export function rootsTouchedBy(
  doc: Y.Doc,
  update: Uint8Array,
): Set<string> | typeof UNRESOLVED | typeof MALFORMED {
  const { structs, ds } = Y.decodeUpdate(update);
  const incoming = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = incoming.get(struct.id.client);
    if (list) list.push(struct);
    else incoming.set(struct.id.client, [struct]);
  }
  const resolved = new Map<Struct, Root>();

  const rootOfDocStruct = (struct: Struct): Root =>
    struct instanceof Y.Item && struct.parent instanceof Y.AbstractType ? rootName(doc, struct.parent) : null;

  /** The struct holding `id`: in the document, else in the update. */
  const lookUp = (id: Y.ID): { struct: Struct; integrated: boolean } | undefined => {
    const known = doc.store.clients.get(id.client);
    const inDoc = known && findStruct(known, id.clock);
    if (inDoc) return { struct: inDoc, integrated: true };
    const inUpdate = incoming.get(id.client);
    const struct = inUpdate && findStruct(inUpdate, id.clock);
    return struct && { struct, integrated: false };
  };

  /** What the root of a not yet integrated struct follows from: a name, or the struct holding an id. */
  const next = (struct: Struct): Root | Y.ID => {
    if (struct instanceof Y.GC) return null;
    if (struct instanceof Y.Skip) return UNRESOLVED;
    const parent = struct.parent as unknown;
    if (typeof parent === 'string') return parent;
    if (parent instanceof Y.ID) return parent;
    return struct.origin ?? struct.rightOrigin ?? UNRESOLVED;
  };

  // Iterative: a forged update can chain (or loop) origins arbitrarily deep.
  const rootOfIncoming = (start: Struct): Root => {
    const chain: Struct[] = [];
    const seen = new Set<Struct>();
    let struct = start;
    let root: Root;
    for (;;) {
      const known = resolved.get(struct);
      if (known !== undefined) {
        root = known;
        break;
      }
      if (seen.has(struct)) {
        root = MALFORMED;
        break;
      }
      seen.add(struct);
      chain.push(struct);
      const step = next(struct);
      if (!(step instanceof Y.ID)) {
        root = step;
        break;
      }
      const found = lookUp(step);
      if (!found) {
        root = UNRESOLVED;
        break;
      }
      if (found.integrated) {
        root = rootOfDocStruct(found.struct);
        break;
      }
      struct = found.struct;
    }
    for (const link of chain) resolved.set(link, root);
    return root;
  };

  const roots = new Set<string>();
  let failure: typeof UNRESOLVED | typeof MALFORMED | undefined;
  const add = (root: Root): boolean => {
    if (root === UNRESOLVED || root === MALFORMED) {
      failure = root;
      return false;
    }
    if (root !== null) roots.add(root);
    return true;
  };
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (!add(rootOfIncoming(struct))) return failure ?? UNRESOLVED;
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len; ) {
        const found = lookUp(Y.createID(client, at));
        if (!found) return UNRESOLVED;
        const { struct, integrated } = found;
        // Deleting what is already deleted changes nothing (every sync step 2 carries the whole delete set).
        if (integrated) {
          if (!struct.deleted) add(rootOfDocStruct(struct));
        } else if (!add(rootOfIncoming(struct))) return failure ?? UNRESOLVED;
        at = struct.id.clock + struct.length;
      }
    }
  }
  return roots;
}

/**
 * What a peer's update would write: `protected` when it touches a root only the server writes,
 * `unresolved` when it refers to what the server does not hold (a real client's updates arrive in order
 * over one socket, so only a forged one, or one built on another instance's changes this one has not
 * received yet), `malformed` when its origins run in a circle, else `ok`.
 */
export function checkPeerUpdate(
  doc: Y.Doc,
  update: Uint8Array,
): 'ok' | 'protected' | 'unresolved' | 'malformed' {
  const roots = rootsTouchedBy(doc, update);
  if (roots === UNRESOLVED) return 'unresolved';
  if (roots === MALFORMED) return 'malformed';
  for (const root of roots) if (PROTECTED_ROOTS.has(root)) return 'protected';
  return 'ok';
}
