#!/bin/sh
# `scribe` on the path: the packaged engine's command line, run with Electron as plain Node.
cat > /usr/bin/scribe <<'WRAPPER'
#!/bin/sh
ELECTRON_RUN_AS_NODE=1 exec "/opt/Scribe/scribe-app" "/opt/Scribe/resources/app.asar/out/engine/scribe.js" "$@"
WRAPPER
chmod 755 /usr/bin/scribe
