#!/usr/bin/env bash
# Installs a release build of cordon under PREFIX (default /usr/local):
#   PREFIX/bin/cordon
#   PREFIX/share/cordon/playbooks/…            (found by the installed binary)
#   PREFIX/share/bash-completion/completions/cordon, zsh and fish completions
# Usage: scripts/install.sh [PREFIX]
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"

swift build -c release --product cordon
bin="$(swift build -c release --show-bin-path)/cordon"

install -d "$prefix/bin" "$prefix/share/cordon" \
    "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$bin" "$prefix/bin/cordon"
rm -rf "$prefix/share/cordon/playbooks"
cp -R playbooks "$prefix/share/cordon/playbooks"
chmod -R a+rX "$prefix/share/cordon/playbooks"

"$prefix/bin/cordon" --generate-completion-script bash > "$prefix/share/bash-completion/completions/cordon"
"$prefix/bin/cordon" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_cordon"
"$prefix/bin/cordon" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/cordon.fish"

echo "installed cordon into $prefix"
"$prefix/bin/cordon" playbooks list --home "${CORDON_HOME:-$HOME/.local/share/cordon}" | sed 's/^/  /'
