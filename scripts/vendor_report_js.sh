#!/usr/bin/env bash
# Vendors the JavaScript the HTML report inlines (newscorpus report): Vega, Vega-Lite and
# vega-embed draw the charts, Cytoscape.js the network. Taken from the npm registry at
# pinned versions, checked against the sha256 of each package, source-map comments removed
# (a browser's developer tools would otherwise ask for the .map files). Run from the
# project's root; it rewrites src/newscorpus/resources/report/vendor/.
set -euo pipefail
out=src/newscorpus/resources/report/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name version sha256-of-tarball path-in-package
packages="
vega 5.33.1 1b8504b6731c5311be3269c4d84ca996a5cc293bc772283293ede20c490e16c3 build/vega.min.js
vega-lite 5.23.0 e4cbfdd8f6f1abe381c59cd558fd6a559c12b1496bfdf2e0c3295263a40fe4da build/vega-lite.min.js
vega-embed 6.29.0 ecf1ee709c2bac9e0a4ead6908114b05b62c71493e10a8a4308109bb070f8eb1 build/vega-embed.min.js
cytoscape 3.35.0 058a81a7534777ea68dc737e9b77bd5b701e00acd9bee246245a576eeeac32e6 dist/cytoscape.min.js
"
mkdir -p "$out"
echo "$packages" | while read -r name version sum path; do
  [ -n "$name" ] || continue
  (cd "$work" && npm pack --silent "$name@$version" >/dev/null)
  tarball="$work/$name-$version.tgz"
  echo "$sum  $tarball" | sha256sum --check --quiet
  mkdir -p "$work/$name" && tar xzf "$tarball" -C "$work/$name"
  sed '/^\/\/# sourceMappingURL=/d; s|//# sourceMappingURL=[^ ]*$||' "$work/$name/package/$path" > "$out/$name.min.js"
  if [ -f "$work/$name/package/LICENSE" ]; then
    cp "$work/$name/package/LICENSE" "$out/$name.LICENSE"
  fi
  echo "$name $version: $(wc -c < "$out/$name.min.js") bytes"
done
# vega's npm package ships no LICENSE file; its package.json declares BSD-3-Clause, and the
# text is the one vega-lite (same authors) ships.
if [ ! -f "$out/vega.LICENSE" ]; then
  sed 's/Copyright (c) 2015, University of Washington Interactive Data Lab./Copyright (c) 2015-2024, University of Washington Interactive Data Lab./' \
    "$out/vega-lite.LICENSE" > "$out/vega.LICENSE"
fi
