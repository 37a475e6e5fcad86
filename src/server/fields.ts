/**
 * `{ ...a, ...b }`, for code that runs per row, per query or per request. On Node 20's V8, each
 * property an object literal adds after a spread costs about 1.5 µs: a page of 20 doctors spent
 * 200 µs of the server's CPU in its presenter, 10 µs a row, where `Object.assign` takes 0.1–0.2
 * µs in all (decision 27). A literal's own properties before a spread, or spread ones that only
 * replace existing properties, are fast either way.
 */
export const withFields = <A extends object, B extends object>(a: A, b: B): Omit<A, keyof B> & B => Object.assign({}, a, b);
