import ArgumentParser
import Foundation

// Errors are one line on stderr and a non-zero exit: no usage dump, no trace.
signal(SIGPIPE, SIG_IGN)
// A file size limit makes writes fail (EFBIG, one line) instead of killing the process mid-write.
signal(SIGXFSZ, SIG_IGN)
CommandLine.runKino(CommandLine.arguments.dropFirst().map { $0 })
