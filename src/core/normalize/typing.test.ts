// Telex and VNI residue: read back when unmistakable; real Vietnamese and foreign words never changed.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  GIVEN_FEMALE,
  GIVEN_MALE,
  kinhFamilyNames,
  MIDDLE_FEMALE,
  MIDDLE_MALE
} from '../sample/names'
import { typedOff } from '../sample/typed-off'
import { foldKey } from './text'
import { repairTyping } from './typing'
import { canonicalSyllable } from './vi-name'

const lower = (s: string): string[] => s.normalize('NFC').toLowerCase().split(' ')

/** Every syllable of the sample's Vietnamese names, as written (with marks). */
const SYLLABLES = [
  ...new Set(
    [
      ...kinhFamilyNames('north'),
      ...kinhFamilyNames('south'),
      ...MIDDLE_MALE,
      ...MIDDLE_FEMALE,
      ...GIVEN_MALE,
      ...GIVEN_FEMALE
    ].flatMap(([n]) => lower(n))
  )
]

/** Common given names and surnames of English, French, German, Spanish, Italian, Dutch speakers. */
const FOREIGN = (
  'james john robert michael william david richard joseph thomas charles christopher daniel ' +
  'matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ' +
  'ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin ' +
  'scott brandon benjamin samuel gregory alexander patrick frank raymond jack dennis jerry ' +
  'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty ' +
  'margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah ' +
  'stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma ' +
  'nicole helen samantha katherine christine debra rachel carolyn janet maria heather diane ' +
  'olivia chloe ruby isla kayla harriet imogen lachlan declan kieren madeline jasmine tahlia ' +
  'smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez ' +
  'gonzalez wilson anderson taylor moore jackson martin lee perez thompson white harris ' +
  'sanchez clark ramirez lewis robinson walker young allen king wright scott torres nguyen ' +
  'hill flores green adams nelson baker hall rivera campbell mitchell carter roberts ' +
  'harrington trevorrow waller berry sondergeld turtur schepers belperio spratt kimmonth ' +
  'dupont durand lefebvre moreau laurent simon michel leroy roux fournier girard bonnet ' +
  'muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann koch richter ' +
  'rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti ' +
  'jansen devries bakker visser smit meijer mulder bos vos peters hendriks dekker brouwer ' +
  'hans max rex raj low lees moon keen reed booth moore tom tim dan ben sam ann jo ho'
).split(' ')

describe('Telex and VNI residue', () => {
  it('reads back a name typed with the keyboard off', () => {
    expect(repairTyping(['nguyeenx', 'vawn', 'hungf'])).toEqual(['nguyễn', 'văn', 'hùng'])
    expect(repairTyping(['traanf', 'thij', 'hoaf'])).toEqual(['trần', 'thị', 'hòa'])
    expect(repairTyping(['dduwowngf', 'thij', 'mai'])).toEqual(['đường', 'thị', 'mai'])
    expect(repairTyping(['nguye64n', 'va8n', 'hu2ng'])).toEqual(['nguyễn', 'văn', 'hùng'])
    expect(repairTyping(['nguye6n', 'van', 'an'])).toEqual(['nguyên', 'van', 'an'])
    expect(repairTyping(['tuaans', 'anh'])).toEqual(['tuấn', 'anh'])
  })

  it('leaves what is not unmistakable: one word, foreign names that happen to read as syllables', () => {
    expect(repairTyping(['thij'])).toBeNull()
    expect(repairTyping(['lee', 'hans'])).toBeNull()
    expect(repairTyping(['max', 'lee'])).toBeNull()
    expect(repairTyping(['nguyễn', 'vawn'])).toBeNull()
  })

  it('never changes real Vietnamese words, with their marks or without', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (words, folded) => {
          const name = folded ? words.map((w) => foldKey(w)) : words
          const out = repairTyping(name)
          return out === null || out.join(' ') === name.join(' ')
        }
      ),
      { numRuns: 5000 }
    )
  })

  it('never changes foreign names', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FOREIGN), { minLength: 1, maxLength: 4 }), (name) => {
        return repairTyping(name) === null
      }),
      { numRuns: 5000 }
    )
  })

  it('reads a typed-off name back as that name or not at all, never as another', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 4 }),
        fc.boolean(),
        (words, vni) => {
          const typed = lower(typedOff(words.join(' '), vni))
          const out = repairTyping(typed)
          const same = (xs: string[]): string => xs.map(canonicalSyllable).join(' ')
          return out === null || same(out) === same(words)
        }
      ),
      { numRuns: 5000 }
    )
  })

  it('reads back nearly every full name typed with Telex or VNI, as often as names occur', () => {
    // Names as common as they are: family, middle and given name drawn by their frequency.
    const weighted = (list: readonly (readonly [string, number, ...number[]])[]): string[] =>
      list.flatMap(([n, w]) => Array<string>(Math.max(1, Math.round(w * 2))).fill(n))
    const family = weighted(kinhFamilyNames('north'))
    const male = fc.tuple(
      fc.constantFrom(...family),
      fc.constantFrom(...weighted(MIDDLE_MALE)),
      fc.constantFrom(...weighted(GIVEN_MALE))
    )
    const female = fc.tuple(
      fc.constantFrom(...family),
      fc.constantFrom(...weighted(MIDDLE_FEMALE)),
      fc.constantFrom(...weighted(GIVEN_FEMALE))
    )
    let names = 0
    const read = { telex: 0, vni: 0 }
    fc.assert(
      fc.property(fc.oneof(male, female), (parts) => {
        const name = parts.join(' ')
        names++
        for (const vni of [false, true])
          if (repairTyping(lower(typedOff(name, vni))) !== null) read[vni ? 'vni' : 'telex']++
        return true
      }),
      { numRuns: 3000 }
    )
    expect(read.telex / names).toBeGreaterThan(0.9)
    expect(read.vni / names).toBeGreaterThan(0.97)
  })
})
