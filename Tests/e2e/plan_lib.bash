# What the plan_*.sh scripts share. Needs `fail` defined by the script.

# expect_exit CODE PATTERN COMMAND...: the command exits CODE and says one line on
# stderr that holds PATTERN (CONTRACT §2).
expect_exit() {
  local code=$1 pattern=$2; shift 2
  set +e; "$@" > out.txt 2> err.txt; local got=$?; set -e
  [ "$got" -eq "$code" ] || fail "$* exited $got, wanted $code: $(cat err.txt)"
  grep -q -- "$pattern" err.txt || fail "$*: stderr lacks '$pattern': $(cat err.txt)"
  [ "$(wc -l < err.txt)" -eq 1 ] || fail "$*: stderr is not one line: $(cat err.txt)"
}
