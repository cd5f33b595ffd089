import Foundation
import KinoCore
@testable import KinoTerminal

/// A frame like the engine's: a sky gradient, a warm skin-toned face with soft shading,
/// hard-edged objects and fine stripes.
func realisticFrame(width: Int = 320, height: Int = 180) -> Frame {
    var f = Frame(width: width, height: height)
    for y in 0..<height {
        for x in 0..<width {
            let u = Double(x) / Double(width), v = Double(y) / Double(height)
            var c: SIMD3<Double>
            if v < 0.55 {
                c = SIMD3(0.35 + 0.3 * v, 0.55 + 0.3 * v, 0.95 - 0.2 * u)           // sky
            } else {
                c = SIMD3(0.25 + 0.2 * u, 0.45 - 0.15 * (v - 0.55), 0.2)            // ground
            }
            // A face: skin tone with a soft light from the upper left.
            let fx = (u - 0.35) / 0.13, fy = (v - 0.45) / 0.25
            let d = fx * fx + fy * fy
            if d < 1 {
                let shade = 0.75 + 0.25 * (1 - d) - 0.15 * fx
                c = SIMD3(0.93, 0.72, 0.6) * shade
            }
            // A hard-edged red box and a white stripe pattern.
            if u > 0.62 && u < 0.82 && v > 0.35 && v < 0.75 { c = SIMD3(0.8, 0.12, 0.1) }
            if u > 0.86 && v > 0.2 && v < 0.8 && (x / 3) % 2 == 0 { c = SIMD3(0.95, 0.95, 0.95) }
            let p = (y * width + x) * 4
            f.pixels[p] = UInt8(max(0, min(255, c.x * 255)))
            f.pixels[p + 1] = UInt8(max(0, min(255, c.y * 255)))
            f.pixels[p + 2] = UInt8(max(0, min(255, c.z * 255)))
        }
    }
    return f
}

struct ToolFailure: Error, CustomStringConvertible { var description: String }

/// Runs a program, feeding `input`, and returns its standard output.
func run(_ tool: String, _ args: [String], input: Data? = nil) throws -> Data {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = args
    let out = Pipe(), inPipe = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    p.standardInput = inPipe
    try p.run()
    let writer = Thread {
        if let input { inPipe.fileHandleForWriting.write(input) }
        try? inPipe.fileHandleForWriting.close()
    }
    writer.start()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw ToolFailure(description: "\(tool) exited \(p.terminationStatus)") }
    return data
}

/// Decodes sixel text with libsixel's sixel2png, then the PNG with the ffmpeg CLI.
func decodeSixel(_ sixel: String) throws -> Frame {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kino-sixel-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let png = dir.appendingPathComponent("out.png").path
    _ = try run("/usr/bin/sixel2png", ["-o", png], input: Data(sixel.utf8))
    return try decodePNG(png)
}

func decodePNG(_ path: String) throws -> Frame {
    let probe = String(decoding: try run("/usr/bin/ffprobe", ["-v", "error", "-select_streams", "v:0",
        "-show_entries", "stream=width,height", "-of", "csv=p=0", path]), as: UTF8.self)
    let dims = probe.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
    guard dims.count == 2 else { throw ToolFailure(description: "ffprobe: \(probe)") }
    let rgba = try run("/usr/bin/ffmpeg", ["-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgba", "-"])
    return Frame(width: dims[0], height: dims[1], pixels: [UInt8](rgba))
}
