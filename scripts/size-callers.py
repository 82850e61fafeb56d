#!/usr/bin/env python3
"""Which code instantiates the standard library's generic functions in the web
app (sorts, iterator chains, collections, drops), and what they cost gzipped.

Usage: scripts/size-callers.py MODULE.wasm MODULE.wat [-v]
(scripts/size-callers.sh builds both). The module must keep its function
names and be built with `-C symbol-mangling-version=v0`: legacy names end
in a hash where v0 names spell out the type arguments, and those say who
asked for the copy. A copy is put on
- the crate or module of its last closure (the code that wrote the chain
  or the comparison), else of the first type of ours or of a crate in it;
- failing any (`sort_unstable` on `(i64, usize)`, say), the nearest
  callers in the call graph that have an owner: one owner takes it all;
  several make it "shared";
- "indirect only" when nothing calls it directly (vtables, format
  arguments, panics).
Each function's gzip share is what deflate adds for it, in module order
with the window shared, so the column adds up to the code's gzip size.
"""
import collections
import re
import sys
import zlib


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def read_name(b, i):
    n, i = leb(b, i)
    return b[i:i + n].decode('utf-8', 'replace'), i + n


def functions(path):
    """(name, raw bytes, gzip share) of every function body, in order."""
    b = open(path, 'rb').read()
    i, imported, spans, names = 8, 0, [], {}
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        end = i + size
        if sid == 0:
            custom, j = read_name(b, i)
            while custom == 'name' and j < end:
                sub = b[j]
                ssz, j = leb(b, j + 1)
                if sub == 1:
                    count, k = leb(b, j)
                    for _ in range(count):
                        idx, k = leb(b, k)
                        names[idx], k = read_name(b, k)
                j += ssz
        elif sid == 2:
            count, j = leb(b, i)
            for _ in range(count):
                _, j = read_name(b, j)
                _, j = read_name(b, j)
                kind = b[j]
                j += 1
                if kind == 0:
                    _, j = leb(b, j)
                    imported += 1
                elif kind in (1, 2):
                    j += kind == 1
                    flags = b[j]
                    _, j = leb(b, j + 1)
                    if flags & 1:
                        _, j = leb(b, j)
                else:
                    j += 2
        elif sid == 10:
            count, j = leb(b, i)
            for k in range(count):
                n, body = leb(b, j)
                spans.append((imported + k, body - j + n, body, body + n))
                j = body + n
        i = end
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    out = []
    for idx, raw, start, stop in spans:
        gz = len(deflate.compress(b[start:stop])) + len(deflate.flush(zlib.Z_SYNC_FLUSH))
        out.append((names.get(idx, f'${idx}'), raw, gz))
    return out


def call_graph(wat_path):
    """Callee -> callers, from the direct calls of binaryen's text."""
    callers = collections.defaultdict(set)
    name = r'\$("(?:[^"\\]|\\.)*"|[^\s)]+)'
    current = None
    with open(wat_path) as wat:
        for line in wat:
            if line.startswith(' (func $'):
                current = re.match(r' \(func ' + name, line).group(1).strip('"')
            elif current and 'call $' in line:
                for m in re.finditer(r'\((?:return_)?call ' + name, line):
                    callers[m.group(1).strip('"')].add(current)
    return callers


CRATES = ['pulldown_cmark', 'aho_corasick', 'tachys', 'reactive_graph', 'leptos_dom', 'leptos',
          'any_spawner', 'send_wrapper', 'throw_error', 'guardian', 'slotmap', 'futures',
          'wasm_bindgen', 'js_sys', 'web_sys', 'wasm_streams', 'serde_json', 'serde',
          'hashbrown', 'indexmap', 'memchr', 'dlmalloc', 'itoa', 'zmij']
OURS = r'postmortem_reviewer::([a-z_0-9]+)(?:::([a-z_0-9]+))?'
GROUPS = {'tachys': 'leptos', 'reactive_graph': 'leptos', 'leptos_dom': 'leptos', 'any_spawner': 'leptos',
          'send_wrapper': 'leptos', 'throw_error': 'leptos', 'guardian': 'leptos', 'slotmap': 'leptos',
          'js_sys': 'wasm_bindgen', 'web_sys': 'wasm_bindgen', 'wasm_streams': 'wasm_bindgen',
          'futures': 'wasm_bindgen'}


def ours(m):
    module = m.group(1)
    if module in ('engine', 'app') and m.group(2) and not m.group(2)[0].isupper():
        module += '::' + m.group(2)
    return 'crate::' + module


def crate_of(text, last):
    """Our module or the crate named first (or last) in `text`."""
    hits = [(m.start(), ours(m)) for m in re.finditer(OURS, text)]
    for crate in CRATES:
        hits += [(m.start(), GROUPS.get(crate, crate))
                 for m in re.finditer(r'(?<![a-z_])' + crate + '::', text)]
    return (max if last else min)(hits)[1] if hits else None


def owner(n):
    closure = n.rfind('{closure')
    if closure > 0:
        # `<T as Trait>::f::{closure}` was written in T's module.
        found = crate_of(re.sub(r' as [^<>]*>', '>', n[:closure]), True)
        if found:
            return found
    return crate_of(n, False)


def is_std(n):
    return re.match(r'(core|alloc|std)::', n.lstrip('<&').replace('mut ', '').replace('dyn ', '')) is not None


def family(n):
    if 'drop_in_place' in n or '>::drop_slow' in n:
        return 'drops'
    for pattern, name in [(r'slice::sort', 'sorts'), (r'btree', 'BTreeMap'), (r'hash', 'hashing'),
                          (r'iter::|Iterator|from_iter|extend|collect', 'iterator chains'),
                          (r'raw_vec|vec::', 'Vec'), (r'fmt', 'fmt'), (r'str::', 'str'),
                          (r'boxed', 'Box<dyn>')]:
        if re.search(pattern, n):
            return name
    return 'other'


def main():
    fns = [(re.sub(r'\[[0-9a-f]{16}\]', '', n), raw, gz) for n, raw, gz in functions(sys.argv[1])]
    callers = collections.defaultdict(set)
    for callee, cs in call_graph(sys.argv[2]).items():
        callers[re.sub(r'\[[0-9a-f]{16}\]', '', callee)] |= {re.sub(r'\[[0-9a-f]{16}\]', '', c) for c in cs}

    def via_callers(n):
        seen, frontier, found = {n}, [n], set()
        while frontier and not found:
            above = []
            for f in frontier:
                for c in callers.get(f, ()):
                    if c not in seen:
                        seen.add(c)
                        o = owner(c)
                        (found.add(o) if o else above.append(c))
            frontier = above
        return found

    gz_of, raw_of, count = collections.Counter(), collections.Counter(), collections.Counter()
    families = collections.defaultdict(collections.Counter)
    largest = collections.defaultdict(list)
    for n, raw, gz in fns:
        if not is_std(n):
            continue
        who = owner(n)
        if not who:
            found = via_callers(n)
            who = (found.pop() if len(found) == 1 else 'shared by several' if found else 'indirect only')
        gz_of[who] += gz
        raw_of[who] += raw
        count[who] += 1
        families[who][family(n)] += gz
        largest[who].append((gz, raw, n))
    print(f'standard library code: {sum(gz_of.values())} B gzip share, {sum(raw_of.values())} B raw, '
          f'{sum(count.values())} functions')
    print(f'{"instantiated by":28s} {"gzip":>6s} {"raw":>7s} {"fns":>4s}  by kind (gzip)')
    for who, gz in gz_of.most_common():
        kinds = ', '.join(f'{k} {v}' for k, v in families[who].most_common(4))
        print(f'{who:28s} {gz:6d} {raw_of[who]:7d} {count[who]:4d}  {kinds}')
    if '-v' in sys.argv:
        for who, _ in gz_of.most_common():
            print(f'-- {who}')
            for gz, raw, n in sorted(largest[who], reverse=True)[:8]:
                print(f'   {gz:5d} {raw:6d} {n[:240]}')


main()
