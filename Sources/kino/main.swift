import ArgumentParser
import Foundation

// Errors are one line on stderr and a non-zero exit: no usage dump, no trace.
signal(SIGPIPE, SIG_IGN)
CommandLine.runKino(CommandLine.arguments.dropFirst().map { $0 })
