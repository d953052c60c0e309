"""What a benchmark process costs: the CPU time of a command run to its end, for the benchmarks
that set redline beside git in the same run (day.sh, largest-capture.py)."""
import os
import shutil

# git's commits need a name; redline's repository is always named on the command line.
environment = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@localhost",
                   GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@localhost")
environment.pop("REDLINE_REPO", None)


def cpu(argv, cwd=None, extra=None):
    """Runs argv (in cwd, with `extra` variables) to its end, its output discarded; returns its CPU
    time in seconds, user + sys of all its threads and of the children it waited for (wait4)."""
    here = os.getcwd()
    os.chdir(cwd or here)
    try:
        pid = os.posix_spawn(shutil.which(argv[0]) or argv[0], argv, dict(environment, **(extra or {})),
                             file_actions=[(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0)])
    finally:
        os.chdir(here)
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        raise SystemExit(f"{argv} failed ({status})")
    return usage.ru_utime + usage.ru_stime
