#!/usr/bin/env bash
# Build kg/static/editor.js (the query page's editor) from the npm packages pinned in
# package-lock.json, and collect their licences into kg/static/editor.LICENSE.txt.
# Only for updating the editor: kg serves the built files and never fetches anything.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npx esbuild editor.mjs --bundle --minify --format=iife --target=es2020 \
    --legal-comments=none --outfile=../../kg/static/editor.js
node licences.mjs > ../../kg/static/editor.LICENSE.txt
