import ArgumentParser
import KinoCore
import KinoKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create an empty project file.")
    @Argument(help: "Path of the new project (.kino).") var path: String
    @Option(help: "Frame rate: 24, 25, 30, 23.976, 29.97 or a fraction such as 24000/1001.") var fps = "24"
    @Option(help: "Frame size WIDTHxHEIGHT.") var size = "1280x720"
    @Option(help: "Project name (default: the file name).") var name: String?

    func run() throws {
        let settings = ProjectSettings(name: name ?? defaultName(path), frameRate: try FrameRate.parse(fps),
                                       resolution: try Resolution.parse(size))
        let session = try ProjectSession.create(at: path, settings: settings)
        defer { session.close() }
        print("created \(path) (\(settings.resolution) @ \(settings.frameRate) fps)")
    }
}

func defaultName(_ path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    return file.hasSuffix(".kino") ? String(file.dropLast(5)) : file
}
