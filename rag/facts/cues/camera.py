"""mobile_camera: body-worn, dash-mounted, hand-held, phone, drone; or fixed cameras."""

from __future__ import annotations

from rag.facts.cues.base import FLIP, WEAK, cue

__all__ = ["CUES"]

# A camera named after what carries it is not a camera at a place ("body cams in a back office").
# fmt: off
_ON_THE_MOVE = (
    "body", "dash", "phone", "drone", "helmet", "handheld", "held", "mobile", "wearable", "vehicle",
    "car", "cruiser", "smartphone", "to", "from",
)
# fmt: on
# What moves and can carry a camera (police cars are named above).
_MOVERS = (
    r"trucks?|lorr(?:y|ies)|vans?|bus|buses|coaches|taxis?|cabs?|boats?|vessels?|ships?|ferr(?:y|ies)|"
    r"robots?|sweepers?|garbage trucks?|bin lorr(?:y|ies)|motorbikes?|motorcycles?|bikes?|bicycles?|scooters?|"
    r"tractors?|trams?|forklifts?|golf carts?|carts?|rovers?|buggies|fleet vehicles?|delivery vehicles?|"
    r"snowmobiles?|jet skis?|helicopters?|planes?|aircraft"
)

# Places a camera stands in: "the showroom cameras", "the camera at reception", "the
# poolside cam", "a camera on the turnstile".
_FIXED_PLACES = (
    r"entry|entries|reception|receptions|poolside|pool|pools|concourses?|halls?|foyers?|atri(?:um|a)|showrooms?|"
    r"parking lots?|parking|car parks?|garages?|loading docks?|docks?|yards?|perimeters?|fences?|porch(?:es)?|"
    r"front doors?|back doors?|side doors?|trail|game|venues?|arenas?|casinos?|shop floors?|tills?|bars?|barriers?|"
    r"tunnels?|bridges?|tolls?|toll booths?|junctions?|crossings?|rooftops?|aisles?|fitting rooms?|changing rooms?|"
    r"desks?|front desk|elevators?|lifts?|stairwells?|auditori(?:um|ums|a)|wards?|stages?|gyms?|turnstiles?|kiosks?|"
    r"registers?|drive ?thr(?:u|ough)|windows?|branch(?:es)?|checkpoints?|gatehouses?|car washes?|forecourts?|"
    r"pumps?|sites?|depots?|docking stations?|lockers?|dining rooms?|kitchens?|patios?|terraces?|courtyards?"
)

CUES = [
    # A photo snapped of someone is taken with something held: "the app snaps a photo of the
    # person and tells the officer who they are".
    cue("mobile_camera", "yes", r"\bsnaps? (?:a )?(?:photo|pic|picture|shot) of\b", strength=WEAK),
    cue(
        "mobile_camera",
        "yes",
        r"\bbody ?(?:worn|cams?|cameras?|mounted)\b|\bdash ?(?:cams?|cameras?|mounted|board cameras?)\b|"
        r"\b(?:celular|celulares|telem[oó]vel|m[oó]vil)\b|\b(?:smart|ai|camera|video|meta|ray ban) glasses\b|"
        r"\b(?:in car|vehicle|car|cruiser|patrol car|squad car|helmet|police car|drone)s?'?s? (?:mounted )?"
        r"(?:cams?|cameras?)\b|\bvehicle mounted\b|\bhand ?held\b|\b(?:phone|smartphone|mobile) cam(?:era)?s?\b|"
        r"\bphone's cam(?:era)?\b",
    ),
    cue(
        "mobile_camera",
        "yes",
        r"\bdrones?\b|\buavs?\b|\bquadcopters?\b|\bwearables?\b|\bwearable (?:cams?|cameras?|devices?)\b|"
        r"\bsmart ?glasses\b|\bmobile (?:cams?|cameras?|devices?|units?|video|recording)\b|"
        r"\bportable (?:cams?|cameras?|devices?)\b",
    ),
    # A phone named as a device: it may be the camera, or only where an alert goes.
    cue(
        "mobile_camera",
        "yes",
        r"(?<!over the )(?<!by )\b(?:(?:mobile|cell|smart) )?phones?\b(?!'s)(?! (?:calls?|numbers?|lines?|locations?|"
        r"data|records?|photos?|pictures?|images?|videos?|footage|bills?|logs?|apps?|banking|support|conversations?|"
        r"interviews?|audio|recordings?))|\bsmartphones?\b|\biphones?\b|"
        r"\bon mobile\b",
        strength=WEAK,
    ),
    # "cameras worn by the agents", "a photo she took with her cellphone".
    cue(
        "mobile_camera",
        "yes",
        r"\b(?:cameras?|cams?) worn by\b|\b(?:took|taken|shot|filmed|recorded|snapped) (?:[\w']+ ){0,3}?(?:with|on|by) "
        r"(?:a |an |her |his |their |my |the |our )?(?:cell ?phones?|smartphones?|mobile phones?|phones?)\b",
    ),
    # "the radar is in the patrol car": a device that rides with the officer.
    cue(
        "mobile_camera",
        "yes",
        r"\b(?:radars?|cams?|cameras?|scanners?|devices?|sensors?|units?|systems?) (?:is |are |sits? |sitting |mounted |fitted )?"
        r"(?:in|on|inside|into) (?:the |a |an |our |their |each |every )?(?:patrol|police|squad|response|traffic) "
        r"(?:cars?|vehicles?|vans?|cruisers?|motorcycles?|bikes?)\b",
        negated=FLIP,
    ),
    cue(
        "mobile_camera",
        "yes",
        r"\bin (?:the |a |our |their )?(?:patrol|police|squad) (?:cars?|vehicles?|vans?|cruisers?)\b",
        strength=WEAK,
    ),
    # A camera carried by anything that moves is mobile, like a dash camera: "cameras on its
    # garbage trucks", "the robot's camera", "bus cams", "motorbike camera crews".
    cue(
        "mobile_camera",
        "yes",
        rf"\b(?:cams?|cameras?|dashcams?|sensors?) (?:[\w']+ ){{0,2}}?(?:on|in|inside|atop|aboard|fitted to|mounted on|"
        rf"mounted in|bolted to) (?:the |a |an |its |their |our |each |every |all |his |her )?"
        # "on the front of the buses"
        r"(?:(?:front|back|rear|side|sides|top|roof|dashboard|windscreen|windshield) of (?:the |a |an |its |their |our |each |every |all )?)?"
        rf"(?:[\w']+ ){{0,2}}?(?:{_MOVERS})\b(?! (?:terminals?|stations?|stops?|depots?|shelters?|lanes?|garages?|yards?|bays?|"
        rf"parks?|docks?|ranks?|compan(?:y|ies)|operators?|drivers?|hubs?|sheds?|shops?|showrooms?|parking))|\b(?:{_MOVERS})(?:'s|s')? (?:mounted )?(?:cams?|cameras?)\b|"
        rf"\b(?:{_MOVERS}) (?:with|carrying|that carry|that have|have|has|fitted with) (?:a |an |their |its )?"
        rf"(?:[\w']+ ){{0,2}}?(?:cams?|cameras?)\b|\bcamera (?:crews?|operators?)\b",
        negated=FLIP,
    ),
    cue(
        "mobile_camera",
        "no",
        r"\b(?:fixed|stationary|static|installed|permanent(?:ly)?(?: mounted)?) (?:[\w']+ )?(?:cams?|cameras?|cctv|scanners?|"
        r"readers?|terminals?|counters?|kiosks?|booths?|desks?|gates?)\b|"
        r"\b(?:wall|ceiling|pole|post|building|door|doorway|entrance|lamppost|mast) mounted\b|\bstationary\b|"
        r"\b(?:cams?|cameras?|cctv) (?:[\w']+ ){0,2}?(?:on|atop|up on) (?:a |the |its |their )?(?:poles?|posts?|masts?|"
        r"lampposts?|ceilings?|trees?|tripods?)\b|\bceiling cameras?\b|\btime ?clocks?\b|"
        r"\b(?:cams?|cameras?) (?:above|over|behind|beside|at|by) (?:the |a |our |each )?(?:front |reception |main )?"
        r"(?:desks?|doors?|counters?|entrances?|tills?|gates?|turnstiles?)\b|"
        r"\b(?:cams?|cameras?) (?:on|in) the (?:wall|ceiling)\b|\b(?:wall|ceiling) (?:cams?|cameras?)\b|"
        r"\b(?:cams?|cameras?) (?:is |are |was |were |will be |stays? |remains? )?(?:fixed|fix|static|"
        r"(?:wall |ceiling |pole )?(?:mounted|installed) (?:on|to|in|at|above|over) (?!(?:the |a |their |our |its )?"
        r"(?:[\w']+ )?(?:cars?|vehicles?|drones?|helmets?|officers?|uniforms?|dashboards?|bikes?|motorcycles?|vans?|"
        r"trucks?|cruisers?|vests?)\b))",
        negated=FLIP,
    ),
    cue(
        "mobile_camera",
        "no",
        r"\bmounted (?:cams?|cameras?)\b",
        not_after=("dash", "body", "vehicle", "car", "helmet", "drone", "cruiser"),
        negated=FLIP,
    ),
    cue(
        "mobile_camera",
        "no",
        r"\bcctv\b|\bkiosks?\b|\bwebcams?\b|"
        r"\b(?:security|store|shop|surveillance|doorbell|traffic|street|building|entrance|lobby|ceiling|"
        r"overhead|in store|checkout|gate|door|airport|station|city|red light|speed|cctv|room|classroom|hallway|"
        r"corridor|platform|atm|counter|jail|prison|cell|custody|office|warehouse|factory) (?:cams?|cameras?)\b|"
        rf"\b(?:{_FIXED_PLACES}) (?:cctv|cams?|cameras?)\b|"
        r"\bcamera networks?\b",
    ),
    cue(
        "mobile_camera",
        "no",
        # a photo compared with a gallery: no camera at work
        r"\b(?:photos?|photographs?|pictures?|images?) (?:against|with|to) (?:the |a |our )?(?:mug ?shots?|"
        r"(?:photo|image|mugshot|face) (?:databases?|archives?|galler(?:y|ies)))\b|"
        # cameras at a fixed place
        r"\b(?:cams?|cameras?|cctv) (?:at|in|on|inside|outside|above|over) (?:the |a |its |their |our |all |every |each )?"
        r"(?:[\w']+ )?(?:stations?|platforms?|stores?|shops?|entrances?|doors?|gates?|lobb(?:y|ies)|buildings?|offices?|"
        r"airports?|stadiums?|intersections?|schools?|classrooms?|hallways?|corridors?|malls?|counters?|checkpoints?|"
        rf"premises|warehouses?|factor(?:y|ies)|branches|atms?|{_FIXED_PLACES})\b|\b(?:at|by) (?:the |its |an? )?(?:[\w']+ )?"
        r"(?:atms?|turnstiles?)\b",
        strength=WEAK,
        not_after=_ON_THE_MOVE,
    ),
    # A system that stands at the door: "kept in the door system", "through the turnstiles".
    # (Not a bare "at the door": officers there may hold the camera.)
    cue(
        "mobile_camera",
        "no",
        r"\bthrough the (?:[\w']+ )?(?:turnstiles?|ticket barriers?|e ?gates?)\b|\bdoor (?:systems?|entry|access)\b",
        strength=WEAK,
    ),
    # Material from cameras fixed in place: "a still from a robbery surveillance video".
    cue(
        "mobile_camera",
        "no",
        r"\b(?:surveillance|security|cctv|doorbell|store|shop|traffic|lobby|turnstile|entrance|atm) "
        r"(?:video|videos|footage|stills?|images?|recordings?|clips?|feeds?|tapes?)\b",
        strength=WEAK,
    ),
    # A hand-held reader of fingerprints, irises or cards is not a camera; smart gates and
    # e-gates stand in one place.
    cue(
        "mobile_camera",
        "no",
        r"\bhand ?held (?:fingerprint|iris|palm|barcode|card|id|rfid|finger) (?:scanners?|readers?)\b|"
        r"\b(?:smart|e|automated|electronic|passport) gates?\b",
    ),
]
