/// One picture: 8-bit RGBA pixels, row-major, top row first, no padding.
/// The common currency between the engine, the media layer and the terminal.
public struct Frame: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height * 4, "Frame size mismatch")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A frame filled with one colour.
    public init(width: Int, height: Int, fill: RGB = RGB(0, 0, 0)) {
        self.width = width
        self.height = height
        var p = [UInt8](repeating: 255, count: width * height * 4)
        for i in stride(from: 0, to: p.count, by: 4) { p[i] = fill.r; p[i + 1] = fill.g; p[i + 2] = fill.b }
        self.pixels = p
    }

    @inlinable public func pixel(x: Int, y: Int) -> RGB {
        let i = (y * width + x) * 4
        return RGB(pixels[i], pixels[i + 1], pixels[i + 2])
    }

    /// Packed RGB bytes (no alpha), as encoders and PSNR comparisons want.
    public var rgbBytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height * 3)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                var j = 0
                for i in stride(from: 0, to: src.count, by: 4) {
                    dst[j] = src[i]; dst[j + 1] = src[i + 1]; dst[j + 2] = src[i + 2]; j += 3
                }
            }
        }
        return out
    }

    /// Box-filtered downscale (or nearest upscale) to the given size.
    public func resized(width w: Int, height h: Int) -> Frame {
        if w == width && h == height { return self }
        var out = [UInt8](repeating: 255, count: w * h * 4)
        for y in 0..<h {
            let y0 = y * height / h, y1 = max(y0 + 1, (y + 1) * height / h)
            for x in 0..<w {
                let x0 = x * width / w, x1 = max(x0 + 1, (x + 1) * width / w)
                var acc = SIMD4<Int>(repeating: 0)
                for yy in y0..<y1 {
                    for xx in x0..<x1 {
                        let i = (yy * width + xx) * 4
                        acc &+= SIMD4(Int(pixels[i]), Int(pixels[i + 1]), Int(pixels[i + 2]), Int(pixels[i + 3]))
                    }
                }
                let n = (y1 - y0) * (x1 - x0)
                let o = (y * w + x) * 4
                out[o] = UInt8(acc[0] / n); out[o + 1] = UInt8(acc[1] / n)
                out[o + 2] = UInt8(acc[2] / n); out[o + 3] = UInt8(acc[3] / n)
            }
        }
        return Frame(width: w, height: h, pixels: out)
    }
}

/// Peak signal-to-noise ratio over RGB (alpha ignored), in dB; infinity for identical frames.
public func psnr(_ a: Frame, _ b: Frame) -> Double {
    precondition(a.width == b.width && a.height == b.height, "psnr: sizes differ")
    var se = 0.0
    a.pixels.withUnsafeBufferPointer { pa in
        b.pixels.withUnsafeBufferPointer { pb in
            for i in 0..<pa.count where i & 3 != 3 {
                let d = Double(Int(pa[i]) - Int(pb[i]))
                se += d * d
            }
        }
    }
    let mse = se / Double(a.width * a.height * 3)
    return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
}

import Foundation
