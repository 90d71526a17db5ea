#!/usr/bin/env python3
"""check_sarif.py <file.sarif>

Checks the structure SARIF 2.1.0 requires of a log, for what boundwise
writes (the required properties of sarifLog, run, tool, toolComponent,
result, location, physicalLocation, artifactLocation, region, codeFlow,
threadFlow, threadFlowLocation), with the standard library only. Prints
every problem found and exits 1 if there is one."""

import json
import sys

LEVELS = {"none", "note", "warning", "error"}


class Checker:
    def __init__(self):
        self.problems = []

    def fail(self, path, message):
        self.problems.append("%s: %s" % (path, message))

    def obj(self, value, path, required=()):
        if not isinstance(value, dict):
            self.fail(path, "expected an object")
            return {}
        for key in required:
            if key not in value:
                self.fail(path, "missing required property '%s'" % key)
        return value

    def array(self, value, path, min_items=0):
        if not isinstance(value, list):
            self.fail(path, "expected an array")
            return []
        if len(value) < min_items:
            self.fail(path, "expected at least %d items" % min_items)
        return value

    def message(self, value, path):
        m = self.obj(value, path)
        if not isinstance(m.get("text"), str) and "id" not in m:
            self.fail(path, "a message needs 'text' (or 'id')")

    def physical_location(self, value, path):
        p = self.obj(value, path)
        if "artifactLocation" not in p and "address" not in p:
            self.fail(path, "needs 'artifactLocation' or 'address'")
        if "artifactLocation" in p:
            a = self.obj(p["artifactLocation"], path + ".artifactLocation")
            if not isinstance(a.get("uri"), str) or not a.get("uri"):
                self.fail(path + ".artifactLocation", "'uri' must be a string")
        if "region" in p:
            r = self.obj(p["region"], path + ".region")
            for key in ("startLine", "startColumn", "endLine", "endColumn"):
                if key in r and (not isinstance(r[key], int) or r[key] < 1):
                    self.fail(path + ".region", "'%s' must be an integer >= 1"
                              % key)
            if "startLine" not in r and "charOffset" not in r and \
                    "byteOffset" not in r:
                self.fail(path + ".region", "needs 'startLine' or an offset")

    def location(self, value, path):
        loc = self.obj(value, path)
        if "physicalLocation" in loc:
            self.physical_location(loc["physicalLocation"],
                                   path + ".physicalLocation")
        if "message" in loc:
            self.message(loc["message"], path + ".message")
        if "id" in loc and (not isinstance(loc["id"], int) or loc["id"] < -1):
            self.fail(path, "'id' must be an integer >= -1")

    def result(self, value, path, rules):
        res = self.obj(value, path, ["message"])
        self.message(res.get("message", {}), path + ".message")
        if "level" in res and res["level"] not in LEVELS:
            self.fail(path, "level '%s' is not one of %s"
                      % (res["level"], sorted(LEVELS)))
        if "ruleId" in res and not isinstance(res["ruleId"], str):
            self.fail(path, "'ruleId' must be a string")
        if "ruleIndex" in res:
            index = res["ruleIndex"]
            if not isinstance(index, int) or not -1 <= index < len(rules):
                self.fail(path, "'ruleIndex' %r is not an index of "
                          "tool.driver.rules" % (index,))
            elif index >= 0 and "ruleId" in res and \
                    rules[index].get("id") != res["ruleId"]:
                self.fail(path, "'ruleIndex' names rule '%s', 'ruleId' is "
                          "'%s'" % (rules[index].get("id"), res["ruleId"]))
        for i, loc in enumerate(self.array(res.get("locations", []),
                                           path + ".locations")):
            self.location(loc, "%s.locations[%d]" % (path, i))
        for i, loc in enumerate(self.array(res.get("relatedLocations", []),
                                           path + ".relatedLocations")):
            self.location(loc, "%s.relatedLocations[%d]" % (path, i))
        for i, flow in enumerate(self.array(res.get("codeFlows", []),
                                            path + ".codeFlows")):
            fpath = "%s.codeFlows[%d]" % (path, i)
            flow = self.obj(flow, fpath, ["threadFlows"])
            for j, thread in enumerate(self.array(flow.get("threadFlows", []),
                                                  fpath + ".threadFlows", 1)):
                tpath = "%s.threadFlows[%d]" % (fpath, j)
                thread = self.obj(thread, tpath, ["locations"])
                for k, tfl in enumerate(self.array(
                        thread.get("locations", []), tpath + ".locations", 1)):
                    lpath = "%s.locations[%d]" % (tpath, k)
                    tfl = self.obj(tfl, lpath)
                    if "location" in tfl:
                        self.location(tfl["location"], lpath + ".location")

    def log(self, value):
        log = self.obj(value, "$", ["version", "runs"])
        if log.get("version") != "2.1.0":
            self.fail("$", "'version' must be \"2.1.0\"")
        for i, run in enumerate(self.array(log.get("runs", []), "$.runs")):
            path = "$.runs[%d]" % i
            run = self.obj(run, path, ["tool"])
            tool = self.obj(run.get("tool", {}), path + ".tool", ["driver"])
            driver = self.obj(tool.get("driver", {}), path + ".tool.driver",
                              ["name"])
            rules = self.array(driver.get("rules", []),
                               path + ".tool.driver.rules")
            for j, rule in enumerate(rules):
                self.obj(rule, "%s.tool.driver.rules[%d]" % (path, j), ["id"])
            for j, res in enumerate(self.array(run.get("results", []),
                                               path + ".results")):
                self.result(res, "%s.results[%d]" % (path, j), rules)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_sarif.py <file.sarif>")
    with open(sys.argv[1], encoding="utf-8") as f:
        try:
            log = json.load(f)
        except ValueError as e:
            sys.exit("check_sarif.py: %s is not JSON: %s" % (sys.argv[1], e))
    checker = Checker()
    checker.log(log)
    for problem in checker.problems:
        print("check_sarif.py: " + problem)
    sys.exit(1 if checker.problems else 0)


if __name__ == "__main__":
    main()
