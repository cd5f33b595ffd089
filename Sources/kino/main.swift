import ArgumentParser
import Foundation

// Errors are one line on stderr and a non-zero exit: no usage dump, no trace.
signal(SIGPIPE, SIG_IGN)
// A file size limit makes writes fail (EFBIG, one line) instead of killing the process mid-write.
signal(SIGXFSZ, SIG_IGN)
// A parent may hand its signal mask down (a test runner, a launcher): with SIGINT and SIGTERM
// blocked, an interrupted job would run to its end. Unblock them before any thread starts, so
// every thread inherits the unblocked mask.
var interruptSignals = sigset_t()
sigemptyset(&interruptSignals)
sigaddset(&interruptSignals, SIGINT)
sigaddset(&interruptSignals, SIGTERM)
pthread_sigmask(SIG_UNBLOCK, &interruptSignals, nil)
CommandLine.runKino(CommandLine.arguments.dropFirst().map { $0 })
