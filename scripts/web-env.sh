# Sourced by the scripts that run Trunk.
# Trunk 0.21 is pinned (0.22 needs a newer rustc); don't let it ask online.
export TRUNK_SKIP_VERSION_CHECK=true
# The wasm build is optimised for size; the native CLI keeps opt-level 3.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
export PATH="$HOME/.cargo/bin:$PATH"
