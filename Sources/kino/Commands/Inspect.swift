import ArgumentParser
import KinoKit

/// `kino inspect MOVIE`: which shot and take every frame range of a Kino export came from.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which shot and take every frame range of an exported movie came from (its kino record and chapters).")
    @Argument(help: "An MP4, MOV or MKV exported by Kino.") var movie: String
    @OptionGroup var output: JSONFlag

    func run() throws {
        let found = try ProjectSession.inspectMovie(at: movie)
        if output.json { try printJSON(found) } else { print(found.text) }
    }
}
