import KinoCore
import Testing

/// A 100x200 reference picture of a standing figure on a light grey background: hair, face,
/// top and bottom in the bands Appearance reads them from.
private func figureFrame(hair: RGB, face: RGB, top: RGB, bottom: RGB) -> Frame {
    var f = Frame(width: 100, height: 200, fill: RGB(235, 235, 235))
    func paint(_ rows: Range<Int>, _ c: RGB) {
        for y in rows { for x in 25..<75 { let i = (y * 100 + x) * 4; f.pixels[i] = c.r; f.pixels[i + 1] = c.g; f.pixels[i + 2] = c.b } }
    }
    paint(0..<30, hair); paint(30..<60, face); paint(60..<120, top); paint(120..<195, bottom)
    return f
}

@Suite struct AppearanceTests {
    @Test func descriptionWordsAreHonoured() {
        let a = Appearance.derive(fromDescription: "A tall, slim woman with long red hair, olive skin, a green jacket and black trousers", seed: 3)
        #expect(a.hair == RGB(170, 70, 35))
        #expect(a.hairStyle == .long)
        #expect(a.skin == RGB(190, 150, 105))
        #expect(a.top == RGB(40, 150, 60))
        #expect(a.bottom == RGB(20, 20, 20))
        #expect(a.height == 1.88)
        #expect(a.build == .slim)
    }

    @Test func clothesWordsColourTheRightGarment() {
        let a = Appearance.derive(fromDescription: "man in a red leather jacket and blue jeans", seed: 1)
        #expect(a.top == RGB(200, 30, 35))
        #expect(a.bottom == RGB(55, 75, 120))   // blue jeans are denim
        #expect(Appearance.derive(fromDescription: "dark jeans", seed: 1).bottom == RGB(30, 41, 66))
        let b = Appearance.derive(fromDescription: "grey suit, dark-skinned, broad", seed: 1)
        #expect(b.top == RGB(128, 128, 128) && b.bottom == RGB(128, 128, 128))
        #expect(b.skin == RGB(100, 65, 45))
        #expect(b.build == .broad)
        let c = Appearance.derive(fromDescription: "a light blue shirt and dark green shorts", seed: 1)
        #expect(c.top == RGB(145, 165, 228))
        #expect(c.bottom == RGB(22, 83, 33))   // 0.55 x (40, 150, 60), rounded
    }

    @Test func shortBeforeHairIsAStyleNotAHeight() {
        let a = Appearance.derive(fromDescription: "a woman with short curly hair", seed: 9)
        #expect(a.hairStyle == .curly)
        #expect(a.height != 1.58)
        #expect(Appearance.derive(fromDescription: "a short man, bald", seed: 9).height == 1.58)
        #expect(Appearance.derive(fromDescription: "a short man, bald", seed: 9).hairStyle == .bald)
        #expect(Appearance.derive(fromDescription: "a blonde", seed: 9).hair == RGB(225, 195, 125))
        #expect(Appearance.derive(fromDescription: "dark hair", seed: 9).hair == RGB(40, 28, 22))
    }

    @Test func derivationIsDeterministicAndTheSeedOnlyFillsTheGaps() {
        let d = "a woman with red hair in a blue coat"
        #expect(Appearance.derive(fromDescription: d, seed: 42) == Appearance.derive(fromDescription: d, seed: 42))
        let other = Appearance.derive(fromDescription: d, seed: 43)
        let first = Appearance.derive(fromDescription: d, seed: 42)
        #expect(other.hair == first.hair && other.top == first.top)
        #expect(other.faceSeed != first.faceSeed)
    }

    @Test func differentDescriptionsLookClearlyDifferent() {
        let descriptions = [
            "Mia, a young woman", "Tom, an older man", "a courier in a hurry", "the shopkeeper",
            "a tall woman in a yellow raincoat", "a short man in a black suit", "a child with blonde curly hair",
            "a woman with red hair in a blue coat", "a woman with red hair in a green coat", "a slim man",
            "a tall man", "a detective",
        ]
        let looks = descriptions.map { Appearance.derive(fromDescription: $0, seed: 1) }
        for i in looks.indices {
            for j in looks.indices where j > i {
                #expect(looks[i].difference(from: looks[j]) >= 20, "\(descriptions[i]) vs \(descriptions[j])")
            }
        }
    }

    @Test func differenceIsTheLargestVisibleChange() {
        let a = Appearance(skin: RGB(200, 160, 130), hair: RGB(40, 30, 20), top: RGB(255, 0, 0), bottom: RGB(0, 0, 0),
                           height: 1.70, build: .average, hairStyle: .short, faceSeed: 1)
        #expect(a.difference(from: a) == 0)
        var taller = a; taller.height = 1.80
        #expect(abs(a.difference(from: taller) - 10) < 1e-9)
        var blue = a; blue.top = RGB(0, 0, 255)
        // ΔE76 between sRGB red (53.24, 80.09, 67.20) and blue (32.30, 79.19, -107.86).
        #expect(abs(a.difference(from: blue) - 176.31) < 0.05)
        var bald = a; bald.hairStyle = .bald
        #expect(a.difference(from: bald) == 20)
    }

    @Test func dominantColorsAreOrderedByArea() {
        var f = Frame(width: 10, height: 10, fill: RGB(200, 0, 0))
        for i in 0..<30 { f.pixels[i * 4] = 0; f.pixels[i * 4 + 2] = 255 }   // 30 blue pixels
        #expect(Appearance.dominantColors(of: f, count: 2) == [RGB(200, 0, 0), RGB(0, 0, 255)])
        #expect(Appearance.dominantColors(of: f, count: 1) == [RGB(200, 0, 0)])
        #expect(Appearance.dominantColors(of: f, count: 5) == [RGB(200, 0, 0), RGB(0, 0, 255)])
        #expect(Appearance.dominantColors(of: f, count: 0).isEmpty)
    }

    @Test func dominantColorsAverageEachCluster() {
        // 40 px of (200,0,0), 40 of (210,0,0), 20 of (0,200,0): two clusters, red mean (205,0,0).
        var f = Frame(width: 10, height: 10, fill: RGB(200, 0, 0))
        for i in 40..<80 { f.pixels[i * 4] = 210 }
        for i in 80..<100 { f.pixels[i * 4] = 0; f.pixels[i * 4 + 1] = 200 }
        #expect(Appearance.dominantColors(of: f, count: 2) == [RGB(205, 0, 0), RGB(0, 200, 0)])
        #expect(Appearance.dominantColors(of: f, count: 2) == Appearance.dominantColors(of: f, count: 2))
    }

    @Test func blendTakesTheNearestPaletteColours() {
        let base = Appearance(skin: RGB(220, 180, 150), hair: RGB(30, 20, 10), top: RGB(190, 40, 40),
                              bottom: RGB(30, 30, 60), height: 1.7, build: .average, hairStyle: .short, faceSeed: 5)
        let palette = [RGB(20, 20, 20), RGB(200, 20, 20), RGB(230, 185, 150), RGB(20, 40, 180)]
        let b = Appearance.blend(base, referencePalette: palette)
        #expect(b.top == RGB(200, 20, 20))
        #expect(b.bottom == RGB(20, 20, 20))
        #expect(b.skin == RGB(230, 185, 150))
        #expect(b.height == base.height && b.faceSeed == base.faceSeed && b.hairStyle == base.hairStyle)
        let noFace = Appearance.blend(base, referencePalette: [RGB(0, 200, 0)])
        #expect(noFace.skin == base.skin)
        #expect(noFace.top == RGB(0, 200, 0))
        #expect(Appearance.blend(base, referencePalette: []) == base)
    }

    @Test func referencePictureColoursHairFaceTopAndBottom() {
        let picture = figureFrame(hair: RGB(90, 55, 35), face: RGB(225, 180, 150), top: RGB(40, 150, 60), bottom: RGB(20, 30, 80))
        let a = Appearance.derive(fromDescription: "a woman", seed: 2, reference: picture)
        #expect(a.hair == RGB(90, 55, 35))
        #expect(a.skin == RGB(225, 180, 150))
        #expect(a.top == RGB(40, 150, 60))
        #expect(a.bottom == RGB(20, 30, 80))
        #expect(a.height == Appearance.derive(fromDescription: "a woman", seed: 2).height)
    }

    @Test func descriptionWordsWinOverTheReferencePicture() {
        let picture = figureFrame(hair: RGB(90, 55, 35), face: RGB(60, 200, 60), top: RGB(40, 150, 60), bottom: RGB(20, 30, 80))
        let a = Appearance.derive(fromDescription: "a woman in a red jacket", seed: 2, reference: picture)
        #expect(a.top == RGB(200, 30, 35))
        #expect(a.bottom == RGB(20, 30, 80))
        // A green "face" is not skin: the seeded skin stays.
        #expect(a.skin == Appearance.derive(fromDescription: "a woman in a red jacket", seed: 2).skin)
        #expect(Appearance.derive(fromDescription: "a woman", seed: 2, reference: nil)
                == Appearance.derive(fromDescription: "a woman", seed: 2))
    }
}
