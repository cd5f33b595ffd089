import Foundation
import Testing
import KinoCore
@testable import KinoEditor

/// TERM=xterm has 8 colours: the default theme lost its pane borders and scene bands there,
/// since every dark grey became black. Degraded themes keep them apart.
@Suite struct ThemeColorDepthTests {
    let library = ThemeLibrary(folders: [])

    @Test(arguments: [8, 16])
    func testColourThemesStayLegibleOnFewColours(colors: Int) throws {
        for name in ["default", "light", "high-contrast"] {
            let full = try library.load(name)
            let theme = full.degraded(toColors: colors)
            let allowed = Set(AnsiPalette.colors.prefix(colors).map(CellColor.rgb))
            for role in theme.roles {
                let s = theme.style(role), o = full.style(role)
                for c in [s.fg, s.bg] where c != .terminalDefault {
                    #expect(allowed.contains(c), "\(name)@\(colors): \(role) uses \(c), not one of the \(colors) ANSI colours")
                }
                if o.fg != o.bg, o.fg != .terminalDefault {
                    #expect(s.fg != s.bg, "\(name)@\(colors): \(role) draws text in its background's colour")
                }
            }
            for d in Theme.distinctions {
                let own = d.channel.of(theme.style(d.role))
                for (other, channel) in d.from where channel.of(full.style(other)) != d.channel.of(full.style(d.role)) {
                    #expect(own != channel.of(theme.style(other)), "\(name)@\(colors): \(d.role) looks like \(other)")
                }
            }
        }
    }

    @Test func testDefaultThemeOnEightColoursKeepsBordersAndBandsVisible() throws {
        let theme = try library.load("default").degraded(toColors: 8)
        let background = theme.style("ui.background").bg
        #expect(theme.style("ui.border").fg != background)
        #expect(theme.style("timeline.scene").bg != theme.style("timeline.scene.alt").bg)
        #expect(theme.style("timeline.shot").bg != background)
        #expect(theme.style("timeline.shot").bg != theme.style("timeline.shot.alt").bg)
        // The colours still resemble the theme's: the background stays black, the text light.
        #expect(background == .rgb(AnsiPalette.colors[0]))
        #expect(theme.style("ui.text").fg == .rgb(AnsiPalette.colors[7]))
    }

    @Test func testManyColoursAndMonoAreUnchanged() throws {
        let dark = try library.load("default")
        #expect(dark.degraded(toColors: 256) == dark)
        #expect(dark.degraded(toColors: 1 << 24) == dark)
        let mono = try library.load("mono")
        #expect(mono.degraded(toColors: 8) == mono)
    }
}
