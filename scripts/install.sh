#!/usr/bin/env bash
# Installs a release build of cordon under PREFIX (default /usr/local):
#   PREFIX/bin/cordon
#   PREFIX/share/cordon/playbooks/…            (found by the installed binary)
#   PREFIX/share/bash-completion/completions/cordon, zsh and fish completions
#   PREFIX/share/man/man1/cordon.1                (swift-argument-parser's generate-manual, offline)
# Usage: scripts/install.sh [PREFIX]
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"

swift build -c release --product cordon
swift build -c release --product generate-manual
products="$(swift build -c release --show-bin-path)"
bin="$products/cordon"

install -d "$prefix/bin" "$prefix/share/cordon" \
    "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d" \
    "$prefix/share/man/man1"
install -m 0755 "$bin" "$prefix/bin/cordon"
rm -rf "$prefix/share/cordon/playbooks"
cp -R playbooks "$prefix/share/cordon/playbooks"
chmod -R a+rX "$prefix/share/cordon/playbooks"

"$prefix/bin/cordon" --generate-completion-script bash > "$prefix/share/bash-completion/completions/cordon"
"$prefix/bin/cordon" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_cordon"
"$prefix/bin/cordon" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/cordon.fish"
# The manual is in English: generate-manual drops text outside ASCII, so a Chinese one would be blank.
manual="$(mktemp -d)"
CORDON_LANG=en "$products/generate-manual" "$prefix/bin/cordon" --output-directory "$manual"
install -m 0644 "$manual/cordon.1" "$prefix/share/man/man1/cordon.1"
rm -rf "$manual"

echo "installed cordon into $prefix"
"$prefix/bin/cordon" playbooks list --home "${CORDON_HOME:-$HOME/.local/share/cordon}" | sed 's/^/  /'
