#!/bin/sh
# scripts/demo.sh BUILD -- the main job: run dots stage by stage on examples/.
set -eu
build=${1:-build}
"$build"/dots --help
