# -*- Python -*-
# lit configuration of the boundwise tests.
#
# The build writes lit.site.cfg.py (paths of the build) which loads this file.
# Run `lit -sv <build>/test`, or `ninja -C <build> check`. Running lit on a
# path in the source tree also works: pass
# `--param boundwise_site_config=<build>/test/lit.site.cfg.py` (the default is
# the build/ directory beside the sources).

import glob
import os
import re
import shutil
import subprocess
import sys

import lit.formats


def configure_from_site():
    """Called when lit found this file in the source tree: load the build's
    site configuration, which sets the paths and loads this file again."""
    site = lit_config.params.get("boundwise_site_config")
    if not site:
        site = os.path.join(
            os.path.dirname(os.path.abspath(__file__)),
            os.pardir, "build", "test", "lit.site.cfg.py")
    if not os.path.exists(site):
        lit_config.fatal(
            "no lit.site.cfg.py at %s: configure the build first, or pass "
            "--param boundwise_site_config=<build>/test/lit.site.cfg.py" % site)
    lit_config.load_config(config, site)


def tool_pattern(name):
    # Replace the tool name only where it stands as a command word, not as a
    # part of a path, an option or another word (like LLVM's ToolSubst).
    return r"(?<![\w.\-/%])" + re.escape(name) + r"(?![\w.\-/])"


def has_system_header(relpath):
    # The directories clang's driver searches on Linux, without flags.
    roots = ["/usr/local/include", "/usr/include"]
    roots += sorted(glob.glob("/usr/include/*-linux-gnu*"))
    return any(os.path.exists(os.path.join(r, relpath)) for r in roots)


def pkg_config_cflags(module):
    """The compile flags pkg-config gives for module, or None without it."""
    if not shutil.which("pkg-config"):
        return None
    result = subprocess.run(["pkg-config", "--cflags", module],
                            capture_output=True, text=True)
    return result.stdout.split() if result.returncode == 0 else None


def system_includes(flags):
    """flags with -I made -isystem: a library's headers are not the test's."""
    return ["-isystem " + f[2:] if f.startswith("-I") else f for f in flags]


def configure():
    config.name = "boundwise"
    config.test_format = lit.formats.ShTest(execute_external=False)
    config.suffixes = [".cpp", ".c", ".test"]
    config.excludes = ["Inputs", "node_modules"]
    config.test_source_root = config.boundwise_src_root
    config.test_exec_root = config.boundwise_obj_root

    # The host's clang configuration files must not change what we parse.
    config.environment["CLANG_NO_DEFAULT_CONFIG"] = "1"
    # Commands found by name in RUN lines come from the LLVM tools directory
    # and the build first, then from the system (sed, diff).
    path = [config.llvm_tools_dir, config.boundwise_tools_dir,
            config.environment.get("PATH", os.environ.get("PATH", ""))]
    config.environment["PATH"] = os.pathsep.join(path)

    python = getattr(config, "python_executable", "") or sys.executable
    boundwise = os.path.join(config.boundwise_tools_dir, "boundwise")
    filecheck = os.path.join(config.llvm_tools_dir, "FileCheck")
    tools = os.path.join(config.boundwise_src_root, "tools")
    headers = os.path.join(config.boundwise_src_root, "rules", "Inputs",
                           "Headers")

    subst = config.substitutions
    # Python's include directories (python3-config --includes, computed when
    # the build was configured) as -isystem flags, for the tests against the
    # real CPython and pybind11 headers. Listed before %python, which would
    # otherwise replace the start of its name.
    python_includes = [d for d in getattr(config, "python_include_dirs",
                                          "").split(";") if d]
    subst.append(("%{python_includes}",
                  " ".join('-isystem "%s"' % d for d in python_includes)))
    subst.append(("%check_rule", '"%s" "%s" --boundwise="%s" --filecheck="%s"'
                  % (python, os.path.join(tools, "check_rule.py"), boundwise,
                     filecheck)))
    subst.append(("%expect_exit", '"%s" "%s"'
                  % (python, os.path.join(tools, "expect_exit.py"))))
    subst.append(("%mock_headers", '"%s"' % headers))
    # The fixtures' own coroutine type, declared as a project declares its
    # own: a task type the catalog does not know says nothing of where its
    # coroutines run.
    subst.append(("%{task_catalog}",
                  '--config="{Catalog: {coroutine-types: [{names: [Task]}]}}"'))
    subst.append(("%boundwise", '"%s"' % boundwise))
    # The libFuzzer target, where tools/test.sh built it (build/fuzz): a
    # short run is a test, bench/fuzz-lsp.sh the long one.
    fuzzer = os.path.join(config.boundwise_obj_root, os.pardir, "fuzz", "bin",
                          "boundwise-lsp-fuzzer")
    if os.path.exists(fuzzer):
        config.available_features.add("lsp-fuzzer")
        subst.append(("%{lsp_fuzzer}", '"%s"' % os.path.normpath(fuzzer)))
    subst.append(("%lsp", '"%s"' % os.path.join(config.boundwise_tools_dir,
                                            "boundwise-lsp")))
    subst.append(("%python", '"%s"' % python))
    # The build directory, for the tests of `cmake --install` and CPack.
    subst.append(("%{build_dir}", '"%s"' % os.path.dirname(
        os.path.normpath(config.boundwise_tools_dir))))
    if shutil.which("cpack") and shutil.which("dpkg-deb"):
        config.available_features.add("cpack-deb")
    # Neovim, for the test of the plugin in editors/nvim.
    nvim = shutil.which("nvim")
    if nvim:
        config.available_features.add("nvim")
        subst.append(("%{nvim}", '"%s"' % nvim))
    subst.append(("%{editors}", '"%s"' % os.path.join(
        os.path.dirname(config.boundwise_src_root), "editors")))
    # The language server's unit tests are built where GoogleTest is installed.
    if os.path.exists(os.path.join(config.boundwise_tools_dir,
                                   "boundwise-lsp-unittests")):
        config.available_features.add("lsp-unittests")
    # So are the analyzer's (the flow trackers).
    if os.path.exists(os.path.join(config.boundwise_tools_dir,
                                   "boundwise-analyzer-unittests")):
        config.available_features.add("analyzer-unittests")
    for tool in ["FileCheck", "count", "not", "split-file"]:
        subst.append((tool_pattern(tool),
                      '"%s"' % os.path.join(config.llvm_tools_dir, tool)))

    # The VS Code extension's tests (editors/vscode), where npm is installed
    # and tools/test.sh installed the extension's packages from its lockfile.
    vscode_extension = os.path.join(os.path.dirname(
        config.boundwise_src_root), "editors", "vscode")
    if shutil.which("npm") and os.path.isdir(
            os.path.join(vscode_extension, "node_modules")):
        config.available_features.add("npm")
        subst.append(("%{vscode_extension}", '"%s"' % vscode_extension))
    # The HTML report is read in Debian's Chromium with puppeteer-core
    # (`npm ci --prefix test/report`).
    if shutil.which("chromium") and shutil.which("node") and os.path.isdir(
            os.path.join(config.test_source_root, "report", "node_modules",
                         "puppeteer-core")):
        config.available_features.add("report-browser")
    # A real VS Code host: code-server installed by
    # test/editors/vscode-host/install.sh, driven in Debian's Chromium.
    vscode_host = os.path.join(config.test_source_root, "editors",
                               "vscode-host")
    if ("npm" in config.available_features and shutil.which("chromium") and
            os.path.exists(os.path.join(vscode_host, "node_modules",
                                        ".boundwise-installed"))):
        config.available_features.add("vscode-host")
        subst.append(("%{vscode_host}", '"%s"' % vscode_host))

    # PyYAML (python3-yaml) reads the catalog in test/catalog.
    try:
        import yaml  # noqa: F401
        config.available_features.add("pyyaml")
    except ImportError:
        pass
    # Tests against the real headers of Debian packages run only where the
    # package is installed.
    for feature, header in [("real-asio", "boost/asio.hpp"),
                            ("real-boost-thread", "boost/thread/thread.hpp"),
                            ("real-libuv", "uv.h"),
                            ("real-curl", "curl/curl.h"),
                            ("real-sqlite", "sqlite3.h"),
                            ("real-libevent", "event2/event.h"),
                            ("real-libev", "ev.h"),
                            ("real-libwebsockets", "libwebsockets.h")]:
        if has_system_header(header):
            config.available_features.add(feature)
    # GLib (libglib2.0-dev) keeps its headers out of the default search path:
    # glib.h in glib-2.0/, glibconfig.h beside the library (%{glib_includes}).
    glib_config = sorted(glob.glob("/usr/lib/*/glib-2.0/include/glibconfig.h"))
    if has_system_header("glib-2.0/glib.h") and glib_config:
        config.available_features.add("real-glib")
        subst.append(("%{glib_includes}",
                      '-isystem /usr/include/glib-2.0 -isystem "%s"' %
                      os.path.dirname(glib_config[0])))
    # Qt 5 (qtbase5-dev) and GTK 3 (libgtk-3-dev) keep their headers in
    # folders of their own, which pkg-config names (%{qt_includes},
    # %{gtk_includes}); Qt's headers also ask for position-independent code.
    for feature, module, name in [("real-qt", "Qt5Widgets", "qt"),
                                  ("real-gtk", "gtk+-3.0", "gtk")]:
        flags = pkg_config_cflags(module)
        if flags is not None:
            config.available_features.add(feature)
            subst.append(("%%{%s_includes}" % name,
                          " ".join(system_includes(flags))))
    # CPython's headers (python3-dev) where python3-config found them, and
    # pybind11 (pybind11-dev), which includes them.
    if any(os.path.exists(os.path.join(d, "Python.h"))
           for d in python_includes):
        config.available_features.add("real-python")
        if has_system_header("pybind11/pybind11.h"):
            config.available_features.add("real-pybind11")
    # libstdc++ with C++20 coroutines.
    if glob.glob("/usr/include/c++/*/coroutine"):
        config.available_features.add("real-libstdcxx")

    # SARIF logs are validated against the SARIF 2.1.0 JSON schema with ajv,
    # installed from test/sarif/package-lock.json by tools/test.sh
    # (`npm ci --prefix test/sarif`).
    sarif_dir = os.path.join(config.boundwise_src_root, "sarif")
    node = shutil.which("node") or shutil.which("nodejs")
    if node and os.path.isdir(os.path.join(sarif_dir, "node_modules", "ajv")):
        config.available_features.add("ajv")
        subst.append(("%{validate_sarif}", '"%s" "%s" "%s"' % (
            node, os.path.join(sarif_dir, "validate.js"),
            os.path.join(config.boundwise_src_root, "Inputs",
                         "sarif-schema-2.1.0.json"))))

    # clang-apply-replacements (clang-tools-22), which applies the YAML of
    # --export-fixes.
    apply_replacements = (shutil.which("clang-apply-replacements-22") or
                          os.path.join(config.llvm_tools_dir,
                                       "clang-apply-replacements"))
    if os.path.exists(apply_replacements):
        config.available_features.add("clang-apply-replacements")
        subst.append(("%{clang_apply_replacements}",
                      '"%s"' % apply_replacements))

    # clang-format 22 (clang-format-22), which checks the project's own C++
    # against its .clang-format.
    clang_format = (shutil.which("clang-format-22") or
                    os.path.join(config.llvm_tools_dir, "clang-format"))
    if os.path.exists(clang_format):
        config.available_features.add("clang-format")
        subst.append(("%{clang_format}", '"%s"' % clang_format))

    # Permission bits do not stop root: tests of unwritable files need a user
    # they apply to (as LLVM's non-root-user).
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        config.available_features.add("non-root-user")

    # `boundwise measure` tests build small programs and run them.
    clangxx = os.path.join(config.llvm_tools_dir, "clang++")
    if not os.path.exists(clangxx):
        clangxx = shutil.which("clang++-22") or shutil.which("c++") or "c++"
    subst.append(("%clangxx", '"%s" -O1 -pthread' % clangxx))
    # Two threads can only compute in parallel on two cores (the CPUs this
    # process may run on, which a container or taskset may limit).
    if hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))
    else:
        cores = os.cpu_count() or 1
    if cores >= 2:
        config.available_features.add("multicore")
    else:
        lit_config.note("only one core available: measure/parallel.test, "
                        "which needs two, is skipped")


if not hasattr(config, "boundwise_tools_dir"):
    configure_from_site()
else:
    configure()
