#!/bin/sh
# tools.sh PACKAGE - install a Debian package the benchmarks need, if we can.
# Used by bench.mk when musl-gcc (musl-tools) or valgrind is missing.
set -u
pkg=$1
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "bench: $pkg is missing and cannot be installed here (not root or no apt-get);" \
		"its results will be dashes" >&2
	exit 1
fi
echo "bench: installing $pkg" >&2
apt-get install -y "$pkg" >/dev/null 2>&1 ||
	{ apt-get update >/dev/null 2>&1 && apt-get install -y "$pkg" >/dev/null 2>&1; } ||
	{ echo "bench: could not install $pkg" >&2; exit 1; }
