"""The words cues are read by: titles, organisation words, source words, attribution verbs.

Kept apart from the code that uses them so a reader can check (and extend) the
lists in one place.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WORD = re.compile(r"[\w'’-]+")

TOKEN = re.compile(
    r"[A-Za-z\u00C0-\u024F0-9]+(?:[-'’.][A-Za-z\u00C0-\u024F0-9]+)*\.?(?:['’]s?\b|['’])?|&"
)
CONNECTORS = words("of for de du des la le al el bin van von der den da di on and &")
# Capitalised words that start sentences or phrases but name nobody.
STOP = words(
    "The A An This That These Those It Its He She They We I You His Her Their Our My Your "
    "In On At By For From With Without Of To As Since After Before During While When Where "
    "Why How What Who Which If But And Or Nor So Yet Still However Meanwhile Moreover Also "
    "Then Now There Here Some Many Most Several Other Others Each Every All Both No Not None "
    "Nobody Everyone According Although Though Because Despite Unlike Like Over Under About "
    "Around Among Between Into Through Following Until Once Even Only Just Last Next First "
    "Second Third Such More Less Few Fewer One Two Three Four Five Six Seven Eight Nine Ten "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December "
    "Updated Published Share Click Follow Subscribe Read Print Email "
    "Photo Image Video Opinion Analysis Comment Note Notes Key Mr Mrs Ms Miss Today Yesterday "
    "Tomorrow Everyone Everybody Nobody Somebody Someone Anyone Nothing Everything"
)
TITLES = words(
    "President Minister Prime Deputy Vice Secretary Secretary-General General Director "
    "Director-General Chairman Chairwoman Chair CEO Ambassador Ambassador-at-Large Councillor "
    "Councilor Senator Governor Mayor Judge Justice Commissioner Spokesman Spokeswoman "
    "Spokesperson Chief Head Colonel Col. Gen. Lt. Maj. Capt. Dr. Prof. Professor Mr. Mrs. "
    "Ms. Sir Dame Lord King Queen Prince Princess Sheikh Rep. Sen. Gov. Amb. Attorney "
    "Prosecutor Doctor Lawmaker MP Premier Chancellor Pope Bishop Archbishop Cardinal Imam "
    "Rabbi Captain Major Lieutenant Sergeant Commander Marshal Admiral Brigadier Fellow "
    "Editor Correspondent Researcher Analyst Adviser Advisor Coordinator Officer Founder"
)
ORGANISATION_WORDS = words(
    "Ministry Office Agency Authority Department Council Commission Committee Watch "
    "International Institute Center Centre Foundation University College School Group "
    "Press News Times Post Wire Journal Herald Courier Observer Gazette Tribune Ledger "
    "Observatory Alliance Cooperative Co-operative Union Organization Organisation "
    "Association Network Bank Fund Service Services Bureau Court Police Army Forces Force "
    "Government Parliament Assembly Senate Congress Party Front Company Corporation Inc Ltd "
    "Minerals Resources Cross Crescent Nations Programme Program Mission Coalition "
    "Federation Society Trust Board Tribunal Secretariat Partnership Forum Conference "
    "Summit Review Monitor Radio Television TV Broadcasting Magazine Daily Weekly Guardian "
    "Telegraph Chronicle Express Mail Standard Reuters Novosti Media Agence Associated "
    "Prosecutor's Office Inspectorate Directorate Embassy Consulate Affairs Interior Defence "
    "Defense Justice Health Foods Industries Brands Holdings Motors Airlines Energy Oil Gas "
    "Mining Pharmaceuticals Technologies Systems Securities Capital Partners Insurance "
    "Telecom Corp Co. Ltd. Inc. PLC LLC AG SA"
)
# Media and monitors that are cited as sources wherever an article mentions them.
KNOWN_SOURCES = frozenset(
    {
        "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "BBC", "CNN",
        "Al Jazeera", "DW", "Deutsche Welle", "Bloomberg", "New York Times",
        "Washington Post", "Financial Times", "Wall Street Journal", "Le Monde", "RFI",
        "France 24", "TASS", "RIA Novosti", "Interfax", "Xinhua", "Anadolu", "EFE", "ANSA",
        "dpa", "Kyodo", "Yonhap", "NPR", "Sky News", "Human Rights Watch", "HRW",
        "Amnesty International", "ACLED", "ICRC", "OCHA", "UNHCR", "Médecins Sans Frontières",
        "MSF", "Transparency International", "Guardian", "The Guardian", "Economist",
        "The Economist", "Politico", "Axios", "Associated Press (AP)",
    }
)  # fmt: skip
ROLE_BEFORE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|lawmaker|farmer|resident|official|minister|director|"
    r"author|researcher|expert|analyst|lawyer|activist|journalist|reporter|correspondent|"
    r"leader|chief|head|professor|doctor|witness|survivor|said|says|told|by|member|"
    r"councillor|secretary|ambassador|envoy|commander|president|chairman|chairwoman)\s+$"
)
ACRONYM_DEFINITION = re.compile(r"\s\(([A-Z][A-Za-z]{1,7})\)")
MONTH_ABBREVIATIONS = words("Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.")
ABBREVIATION = re.compile(r"^(?:[A-Z]\.|(?:[A-Z]\.){2,}|(?:St|Jr|Sr|Inc|Ltd|Co|Corp|Bros)\.)$")

GENERIC_HEADS = words(
    "report reports statement statements study studies survey review analysis investigation "
    "inquiry findings documents data figures records communique communiqué release letter "
    "article paper research testimony interview briefing ministry government authorities "
    "officials official spokesman spokeswoman spokesperson source sources witnesses witness "
    "residents diplomats diplomat analysts experts researchers observers critics activists "
    "agency company firm group organisation organization council authority police army "
    "military commission committee department office court prosecutor prosecutors minister "
    "president campaigners media newspaper outlet authors team charity union side defenders "
    "doctors medics villagers survivors relatives families officers lawyers scientists author"
)
DETERMINERS = words(
    "the a an its their his her this these those several many some other multiple various "
    "two three four five numerous unnamed anonymous"
)
NOT_MODIFIERS = words(
    "said says told added noted reported that which who is was were are has had have not did "
    "to of in on at by for from with and or but as also further if when though although "
    "because while so then than yet nor about after before since into over under between "
    "according it he she they we you i there here be been being will would could should may "
    "might must can do does"
)
AFTER_SOURCE = words("familiar close involved present quoted cited based working")

VERBS = (
    r"said|says|say|saying|told|tells|tell|telling|added|adds|adding|noted|noting|"
    r"reported|reporting|stated|states|announced|announces|claimed|alleges|argued|argues|"
    r"wrote|writes|explained|explains|described|describes|describing|insisted|insists|insist|"
    r"denied|denies|denying|deny|confirmed|confirms|acknowledged|acknowledges|admitted|admits|"
    r"warned|warns|concluded|concludes|showed|shows|show|revealed|reveals|accused|accuses|"
    r"cited|cites|citing|quoted|indicated|indicates|pointed out|points out|point to|points to|"
    r"pointed to|highlighted|highlights|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|"
    r"asserted|asserts|contended|observed|recalled|testified|declared|declares|disclosed|"
    r"documented|termed|rejected|rejects|dismissed|dismisses|condemned|condemns|urged|urges|"
    r"promised|promises|pledged|predicted|spoke|spoken|speaks|speaking|informed|notes|reports|"
    r"apologi[sz]ed|apologi[sz]es|"
    r"claims|"
    r"estimates|found|finds|find|suggested|suggests|maintained|maintains|believes|estimated|"
    r"alleged|welcomed|welcomes|draws attention|drew attention|"
    r"recommended|insisting|stating"
)
# Forms that are also nouns or participles count only before "that" or after a subject.
WEAK_VERBS = words(
    "notes reports claims estimates found finds find suggested suggests maintained maintains "
    "believes estimated alleged show shows states documented quoted cited"
)
VERB = re.compile(rf"(?<![\w-])(?:according to|{VERBS})(?![\w-])", re.IGNORECASE)
SPEAKS = re.compile(
    rf"\s+(?:(?:\w+ly|also|further|again|later|then|previously|has|have|had)\s+){{0,2}}"
    rf"(?:{VERBS})\b"
)
