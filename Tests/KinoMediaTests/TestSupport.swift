import Foundation
import KinoCore

/// A synthetic picture like rendered content: smooth colour gradients, a soft-edged disc that
/// moves with `index` and a faint luma ripple, so consecutive frames differ and codecs have
/// real detail to keep.
func movingSquare(width: Int, height: Int, index: Int) -> Frame {
    var px = [UInt8](repeating: 255, count: width * height * 4)
    let radius = Double(max(2, min(width, height) / 5))
    let cx = Double((index * 3) % max(1, width)), cy = Double(height) / 2 + Double((index * 2) % max(1, height / 2)) - Double(height) / 4
    let w1 = Double(max(1, width - 1)), h1 = Double(max(1, height - 1))
    for y in 0..<height {
        for x in 0..<width {
            let fx = Double(x) / w1, fy = Double(y) / h1
            var r = 40 + 160 * fx, g = 60 + 120 * fy, b = 90 + 100 * (1 - fx) * fy
            let ripple = 6 * sin(Double(x + index) * 0.5) * cos(Double(y) * 0.4)
            r += ripple; g += ripple; b += ripple
            let d = ((Double(x) - cx) * (Double(x) - cx) + (Double(y) - cy) * (Double(y) - cy)).squareRoot()
            let inside = min(1, max(0, (radius - d) / 2.5))
            r = r * (1 - inside) + 230 * inside; g = g * (1 - inside) + 200 * inside; b = b * (1 - inside) + 80 * inside
            let i = (y * width + x) * 4
            px[i] = UInt8(max(0, min(255, r.rounded())))
            px[i + 1] = UInt8(max(0, min(255, g.rounded())))
            px[i + 2] = UInt8(max(0, min(255, b.rounded())))
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

/// A counter shared with the exporter's closures.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    private var peak = 0
    func add(_ n: Int = 1) -> Int { lock.withLock { value += n; return value } }
    var current: Int { lock.withLock { value } }
    /// Records `v` and keeps the largest seen.
    func note(_ v: Int) { lock.withLock { peak = max(peak, v) } }
    var largest: Int { lock.withLock { peak } }
}

/// A tmpfs mounted for one test (the tests run as root, as CI does), unmounted with the value.
final class TinyDisk {
    let path: String
    init(options: String) throws {
        path = NSTemporaryDirectory() + "kino-media-disk-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let (status, _) = try run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", path])
        guard status == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }
    deinit {
        _ = try? run("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The exact frames for `count` indices starting at `start`, at `width`×`height`.
func sequence(_ start: Int, _ count: Int, width: Int = 160, height: Int = 90) -> [Frame] {
    (start..<(start + count)).map { movingSquare(width: width, height: height, index: $0) }
}

/// Decodes a video with the ffmpeg command line into RGBA frames (an independent reader).
func ffmpegDecodeRGBA(_ path: String, width: Int, height: Int) throws -> [Frame] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
    p.arguments = ["-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgba", "-"]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let size = width * height * 4
    return stride(from: 0, to: data.count - size + 1, by: size).map {
        Frame(width: width, height: height, pixels: [UInt8](data[$0..<($0 + size)]))
    }
}
