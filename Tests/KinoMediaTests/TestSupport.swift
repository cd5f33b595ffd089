import Foundation
import KinoCore

/// A synthetic picture: a diagonal colour gradient with a bright square that moves with
/// `index`, so consecutive frames differ and codecs have real detail to keep.
func movingSquare(width: Int, height: Int, index: Int) -> Frame {
    var px = [UInt8](repeating: 255, count: width * height * 4)
    let side = max(2, min(width, height) / 4)
    let sx = (index * 3) % max(1, width - side), sy = (index * 2) % max(1, height - side)
    for y in 0..<height {
        for x in 0..<width {
            let i = (y * width + x) * 4
            if x >= sx && x < sx + side && y >= sy && y < sy + side {
                px[i] = 250; px[i + 1] = 220; px[i + 2] = 40
            } else {
                px[i] = UInt8((x * 255) / max(1, width - 1))
                px[i + 1] = UInt8((y * 255) / max(1, height - 1))
                px[i + 2] = UInt8(((x + y + index) * 2) & 0xFF)
            }
        }
    }
    return Frame(width: width, height: height, pixels: px)
}

/// A fresh folder under /tmp, deleted with the value.
final class ScratchFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "kino-media-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
    /// Names in the folder, hidden ones included.
    var contents: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs a program and returns its exit status and standard output.
@discardableResult
func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: program)
    p.arguments = arguments
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// ffprobe's view of the first video stream (frames counted by decoding) and the container.
func ffprobe(_ path: String) throws -> [String: String] {
    let (_, text) = try run("/usr/bin/ffprobe", [
        "-v", "error", "-select_streams", "v:0", "-count_frames",
        "-show_entries",
        "stream=codec_name,width,height,pix_fmt,nb_read_frames,duration,r_frame_rate,color_space,color_primaries,color_transfer,color_range,profile:format=duration,format_name",
        "-of", "default=noprint_wrappers=1", path,
    ])
    var fields: [String: String] = [:]
    for line in text.split(separator: "\n") {
        let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2, fields[parts[0]] == nil || parts[0] != "duration" { fields[parts[0]] = parts[1] }
    }
    // The stream's duration is printed first and the format's second; keep both.
    let durations = text.split(separator: "\n").filter { $0.hasPrefix("duration=") }.map { String($0.dropFirst(9)) }
    if durations.count == 2 { fields["stream_duration"] = durations[0]; fields["format_duration"] = durations[1] }
    return fields
}
