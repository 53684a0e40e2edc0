"""Irregular English verb forms and their base form: "spent" is "spend" to a reader, but no
suffix-stripping stemmer can see it, and news copy moves between tenses all the time ("paid"
in the source, "pays" in the article)."""

from __future__ import annotations

__all__ = ["BASE_FORMS"]

_TABLE = """
arise arose arisen; awake awoke awoken; bear bore borne; beat beat beaten; become became;
begin began begun; bend bent; bet bet; bite bit bitten; bleed bled; blow blew
blown; break broke broken; breed bred; bring brought; build built; burn burnt; buy bought;
catch caught; choose chose chosen; cling clung; come came; creep crept; deal dealt; dig dug;
do did done; draw drew drawn; dream dreamt; drink drank drunk; drive drove driven; eat ate
eaten; fall fell fallen; feed fed; feel felt; fight fought; find found; flee fled; fly flew
flown; forbid forbade forbidden; forget forgot forgotten; forgive forgave forgiven; freeze
froze frozen; get got gotten; give gave given; go went gone; grow grew grown;
hang hung; have had has; hear heard; hide hid hidden; hold held; keep kept; kneel knelt; know
knew known; lay laid; lead led; lean leant; leap leapt; learn learnt; leave left; lend lent;
lie lain; light lit; lose lost; make made; mean meant; meet met; mislead misled; overcome
overcame; overtake overtook overtaken; pay paid; prove proven; ride rode ridden; ring rang
rung; rise rose risen; run ran; say said; see saw seen; seek sought; sell sold; send sent;
shake shook shaken; shine shone; shoot shot; show shown; shrink shrank shrunk; sing sang sung;
sink sank sunk; sit sat; sleep slept; slide slid; speak spoke spoken; speed sped; spend spent;
spin spun; spring sprang sprung; stand stood; steal stole stolen; stick stuck; sting stung;
stride strode stridden; strike struck stricken; strive strove striven; swear swore sworn;
sweep swept; swim swam swum; swing swung; take took taken; teach taught; tear tore torn; tell
told; think thought; throw threw thrown; tread trod trodden; undergo underwent undergone;
understand understood; undertake undertook undertaken; uphold upheld; upset upset; wake woke
woken; wear wore worn; weep wept; win won; withdraw withdrew withdrawn; withhold
withheld; write wrote written
"""

BASE_FORMS: dict[str, str] = {
    form: entry.split()[0]
    for entry in _TABLE.replace("\n", " ").split(";")
    for form in entry.split()[1:]
    if form != entry.split()[0]
}
