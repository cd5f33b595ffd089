import Foundation
import KinoCore
import KinoTerminal

/// Measures our sixel and character art against the reference tools on one frame:
/// `img2sixel` (libsixel) and `chafa --format symbols`, each at 80 columns and the same size,
/// comparing time and PSNR (decoded by libsixel's `sixel2png`, or read back cell by cell).
/// The references run as processes, so their times include start-up and PNG decoding.
enum TerminalBenchmark {
    /// Runs the comparison and returns a table. `pngPath` is the frame as PNG, which the
    /// references read; it is written with the ffmpeg CLI when the file does not exist.
    static func run(frame: Frame, pngPath: String) -> String {
        do { return try measure(frame: frame, pngPath: pngPath) } catch { return "terminal benchmark failed: \(error)" }
    }

    static let cols = 80
    static let repeats = 5

    static func measure(frame: Frame, pngPath: String) throws -> String {
        if !FileManager.default.fileExists(atPath: pngPath) { try writePNG(frame, to: pngPath) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kino-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var rows: [(String, Double, Double, Int)] = []

        // Sixel at 80 columns of 10x20 px cells, 256 colour registers: ours, libchafa's, img2sixel.
        let sixelCaps = TerminalCapabilities(graphics: .sixel, colorRegisters: 256, cellWidthPx: 10, cellHeightPx: 20)
        let renderer = TerminalRenderer(capabilities: sixelCaps)
        let layout = try renderer.layout(frame, cols: cols, rows: nil, maxPixels: nil)
        var ours = ""
        let oursTime = try median { ours = try renderer.sixel(frame, cols: cols) }
        let oursImage = try decodeSixel(ours, dir: dir)
        rows.append(("kino sixel (own encoder)", oursTime, psnr(oursImage, frame.scaled(width: oursImage.width, height: oursImage.height)), ours.utf8.count))
        var viaChafa = ""
        let chafaSixelTime = try median { viaChafa = SixelRenderer.render(frame, layout: layout, colorRegisters: 256, encoder: .chafa) }
        let chafaImage = try decodeSixel(viaChafa, dir: dir)
        rows.append(("kino sixel via libchafa (diffusion)", chafaSixelTime, psnr(chafaImage, frame.scaled(width: chafaImage.width, height: chafaImage.height)), viaChafa.utf8.count))
        let refPath = dir.appendingPathComponent("ref.six").path
        let refTime = try median {
            _ = try runTool("img2sixel", ["-w", "\(oursImage.width)", "-h", "\(oursImage.height)", "-o", refPath, pngPath])
        }
        let refText = try String(contentsOfFile: refPath, encoding: .utf8)
        let refImage = try decodeSixel(refText, dir: dir)
        rows.append(("img2sixel (libsixel)", refTime, psnr(refImage, frame.scaled(width: refImage.width, height: refImage.height)), refText.utf8.count))

        // Character art at 80 columns, same glyphs for both; 256 colours matched in RGB (chafa's
        // default) and in DIN99d (ours, which keeps hues).
        let artCases: [(String, ColorDepth, ChafaCanvasSettings.ColorMatching, [String])] = [
            ("truecolor", .truecolor, .rgb, ["--colors", "full"]),
            ("256 rgb", .color256, .rgb, ["--colors", "240"]),
            ("256 din99d", .color256, .din99d, ["--colors", "240", "--color-space", "din99d"]),
        ]
        for (name, depth, matching, chafaArgs) in artCases {
            let layout = try PreviewLayout(frameWidth: frame.width, frameHeight: frame.height, cols: cols, rows: nil,
                                           cellWidth: 8, cellHeight: 16)
            var cells: [ArtCell] = []
            let artTime = try median {
                cells = CellArtRenderer.symbolArt(frame, cols: layout.artCols, rows: layout.artRows, colorDepth: depth,
                                                  symbols: .blocks, colorMatching: matching)
            }
            let art = CellArt(cols: layout.artCols, rows: layout.artRows, cells: cells, colorDepth: depth)
            let raster = art.rasterized()
            rows.append(("kino blocks \(name)", artTime, psnr(raster, frame.scaled(width: raster.width, height: raster.height)), art.text().utf8.count))
            var text = ""
            let chafaTime = try median {
                text = String(decoding: try runTool("chafa", ["--format", "symbols", "--size", "\(cols)x\(art.rows)"] + chafaArgs
                    + ["--symbols", "space+solid+half+block+quad", "--stretch", "--animate", "off", "--polite", "on", pngPath]),
                    as: UTF8.self)
            }
            let parsed = CellArt(parsingANSI: text).rasterized()
            rows.append(("chafa --format symbols " + chafaArgs.joined(separator: " ").replacingOccurrences(of: "--colors", with: "-c"),
                         chafaTime, psnr(parsed, frame.scaled(width: parsed.width, height: parsed.height)), text.utf8.count))
        }

        // What the references spend on starting up and reading a PNG: the same calls on a 2x2 image.
        let tiny = dir.appendingPathComponent("tiny.png").path
        try writePNG(Frame(width: 2, height: 2, fill: RGB(128, 128, 128)), to: tiny)
        let tinySixel = dir.appendingPathComponent("tiny.six").path
        rows.append(("img2sixel on a 2x2 PNG (start-up)", try median { _ = try runTool("img2sixel", ["-o", tinySixel, tiny]) }, .nan, 0))
        rows.append(("chafa on a 2x2 PNG (start-up)", try median {
            _ = try runTool("chafa", ["--format", "symbols", "--size", "2x1", "--animate", "off", "--polite", "on", tiny])
        }, .nan, 0))

        var out = "terminal previews: \(frame.width)x\(frame.height) frame at \(cols) columns (median of \(repeats); references as processes)\n"
        out += "what".padding(toLength: 52, withPad: " ", startingAt: 0) + "  time ms   PSNR dB    bytes\n"
        for (name, t, db, bytes) in rows {
            out += name.padding(toLength: 52, withPad: " ", startingAt: 0)
                + (db.isNaN ? String(format: "  %7.2f         -        -\n", t * 1000)
                            : String(format: "  %7.2f   %7.2f  %7d\n", t * 1000, db, bytes))
        }
        out += String(format: "time ratio kino/img2sixel %.2f, kino/libchafa sixel %.2f; kino/chafa CLI: truecolor %.2f, 256 rgb %.2f, 256 din99d %.2f\n",
                      rows[0].1 / rows[2].1, rows[0].1 / rows[1].1, rows[3].1 / rows[4].1, rows[5].1 / rows[6].1, rows[7].1 / rows[8].1)
        return out
    }

    private static func median(_ body: () throws -> Void) throws -> Double {
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[repeats / 2]
    }

    static func runTool(_ name: String, _ args: [String], input: Data? = nil) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [name] + args
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
        guard p.terminationStatus == 0 else { throw BenchmarkToolError(tool: name, status: p.terminationStatus) }
        return data
    }

    static func writePNG(_ frame: Frame, to path: String) throws {
        _ = try runTool("ffmpeg", ["-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgba", "-s", "\(frame.width)x\(frame.height)",
                                   "-i", "-", "-frames:v", "1", path], input: Data(frame.pixels))
    }

    static func decodeSixel(_ text: String, dir: URL) throws -> Frame {
        let png = dir.appendingPathComponent("decoded-\(UUID().uuidString).png").path
        _ = try runTool("sixel2png", ["-o", png], input: Data(text.utf8))
        let probe = String(decoding: try runTool("ffprobe", ["-v", "error", "-select_streams", "v:0",
            "-show_entries", "stream=width,height", "-of", "csv=p=0", png]), as: UTF8.self)
        let dims = probe.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        guard dims.count == 2 else { throw BenchmarkToolError(tool: "ffprobe", status: -1) }
        let rgba = try runTool("ffmpeg", ["-v", "error", "-i", png, "-f", "rawvideo", "-pix_fmt", "rgba", "-"])
        return Frame(width: dims[0], height: dims[1], pixels: [UInt8](rgba))
    }
}

/// A reference tool was missing or failed.
struct BenchmarkToolError: LocalizedError {
    var tool: String
    var status: Int32
    var errorDescription: String? {
        "\(tool) failed (status \(status)); install libsixel-bin, chafa and ffmpeg from Debian to run this benchmark"
    }
}
