#!/usr/bin/env bash
# The GIL bench (bench/gil/README.md): builds gil_demo.cpp as a pybind11
# module with g++ against Debian's pybind11-dev and python3-dev, shows what
# boundwise reports on it, then times each binding from 1 and 4 Python
# threads (threads.py).
#
# Environment: PYTHON (default /usr/bin/python3, Debian's interpreter, which
# python3-dev's headers match), BOUNDWISE (default: build/bin/boundwise,
# built by tools/build.sh), BUILD_DIR (default: build/bench/gil).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-/usr/bin/python3}
out=${BUILD_DIR:-$root/build/bench/gil}

# Debian packages: the compiler, pybind11 and CPython's headers.
missing=()
for package in g++ pybind11-dev python3-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
    grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "run.sh: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

# The module, named as the interpreter imports it (gil_demo.cpython-311-...so).
include=$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
suffix=$("$python" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
mkdir -p "$out"
g++ -O2 -std=c++17 -shared -fPIC -fvisibility=hidden -isystem "$include" \
  "$here/gil_demo.cpp" -o "$out/gil_demo$suffix"

# What boundwise says about the fixture.
boundwise=${BOUNDWISE:-}
if [ -z "$boundwise" ]; then
  "$root/tools/build.sh" >/dev/null
  boundwise=$root/build/bin/boundwise
fi
echo "== boundwise on bench/gil/gil_demo.cpp"
# Findings are the point here: their exit code is not a failure.
"$boundwise" --quiet --config='{}' \
  --checks='-*,cpu-holding-gil,io-holding-gil,python-api-without-gil' \
  "$here/gil_demo.cpp" -- -std=c++17 -isystem "$include" || true
echo

echo "== 1 thread against 4 threads"
"$python" "$here/threads.py" "$out" "$@"
