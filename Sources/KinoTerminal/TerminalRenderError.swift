import Foundation

/// Why a frame could not be drawn for the terminal.
public enum TerminalRenderError: LocalizedError, Equatable, Sendable {
    case invalidColumns(Int)
    case invalidRows(Int)
    case emptyContactSheet

    public var errorDescription: String? {
        switch self {
        case .invalidColumns(let n):
            "cannot draw a preview \(n) columns wide; give --cols a number of at least 1"
        case .invalidRows(let n):
            "cannot draw a preview \(n) rows high; give --rows a number of at least 1, or leave it out"
        case .emptyContactSheet:
            "the contact sheet has no frames; render the shot first"
        }
    }
}
