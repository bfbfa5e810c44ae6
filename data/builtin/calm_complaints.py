"""Calm customer-service complaints in the register of short public posts, for the built-in corpus.

Written by hand for Orleans.Sentiment (CC0, like the rest of the corpus): the brands are invented and every template
and slot value below was written for this project, not taken or paraphrased from a data set.

Why this part exists: the built-in sentiment head learned strong complaints well, but a customer who writes "still no
update on my refund, it's been three weeks" or "on hold for an hour and then the line went dead" uses no strong word,
and the head called such posts neutral. The head then needed a large bias towards "negative" to catch them, and that
bias made it call ordinary positive product and restaurant reviews negative. These rows teach the complaint that
lives in the facts (time lost, repeated attempts, missing things, broken promises, understatement, tired sarcasm),
next to plain neutral posts in the same register (questions and updates without a grievance), so that the bias can
be smaller.

Rows are (text, sentiment, category), deterministic for a seed. generate.py adds them to the corpus.
"""
import random
import re

DOMAINS = {
    "airline": dict(
        handle=["@SkyHop", "@NorthJet", "@BrightlineAir", "@CoastalAirways", "@AeroLink"],
        pending=["my refund for the cancelled flight", "my lost bag claim", "my delay compensation",
                 "the rebooking you promised", "my complaint about the damaged suitcase", "my missing miles"],
        thing=["my bag", "my suitcase", "our stroller", "my golf clubs"],
        event=["we sat on the runway for an hour", "the flight was pushed back three times",
               "the gate changed twice and nobody announced it", "our flight got cancelled at the gate",
               "the plane left without our bags", "boarding started ninety minutes late",
               "we were diverted and then left in the terminal all night"],
        lost=["my connection", "the last train home", "a whole day of my holiday", "my meeting in the morning",
              "the first night of the hotel I paid for"],
        task=["change a seat", "get a receipt", "add a bag", "fix a typo in a name"],
        offer=["a meal voucher that covers a coffee", "a seat on a flight two days later", "a link to a form"],
        why=["my seat was given away", "my family was split across the plane", "my bag was sent to another city",
             "I was charged for a bag I never checked"],
        letdown=["the wifi I paid for never connected", "my screen didn't work for the whole flight",
                 "there were no meals left by row 20", "the overhead bins were full before my group boarded"],
        promise=["someone would call me back", "my bag would be delivered tonight", "the refund would take five days"],
        occasion=["our honeymoon", "the trip", "my holiday", "the family reunion"],
        plain_q=["what time does the bag drop open tomorrow?", "can I bring a car seat on board?",
                 "is the morning flight to Lisbon on time?", "do I need to print my boarding pass?",
                 "how many bags can I check on a basic fare?"],
        plain_s=["flying with you for the first time next week.", "just landed, heading to the hotel.",
                 "booked our summer trip this morning.", "sent you a DM with my booking number."],
    ),
    "hotel": dict(
        handle=["@HarbourviewHotel", "@LindenInn", "@StayWellSuites", "@AlpineLodge"],
        pending=["the refund for my cancelled stay", "the deposit you still hold", "my complaint about the room",
                 "the invoice I asked for"],
        thing=["my booking", "the invoice", "my deposit"],
        event=["our room wasn't ready until 7pm", "the key cards stopped working twice",
               "the air conditioning was off all night", "the pool was closed the whole week",
               "they gave our room away while we were out"],
        lost=["the whole first evening", "our dinner reservation", "a night's sleep"],
        task=["get a late checkout", "change the dates", "get an extra towel"],
        offer=["a free drink at the bar", "ten percent off a future stay"],
        why=["we were charged for the minibar we never opened", "our booked sea view became a car park view",
             "the resort fee was never mentioned"],
        letdown=["the breakfast ran out by nine", "the gym was half broken", "the wifi only worked in the lobby"],
        promise=["the manager would call me", "the deposit would be back in three days", "housekeeping would come by"],
        occasion=["our anniversary", "the weekend away", "our family trip"],
        plain_q=["is breakfast included with the standard room?", "what time is checkout?",
                 "do you have parking on site?", "can we bring a small dog?"],
        plain_s=["checking in on Friday with two kids.", "booked two nights for the conference.",
                 "arriving late tonight, around 11."],
    ),
    "parcel": dict(
        handle=["@ParcelPoint", "@SwiftDrop", "@RouteRunner", "@BoxHop"],
        pending=["my missing parcel", "the claim for the damaged box", "the redelivery I booked",
                 "the refund for the lost package"],
        thing=["my parcel", "the package", "my order", "the delivery"],
        event=["the tracking says delivered but nothing is here", "the driver left a card without knocking",
               "my parcel has been at the depot for a week", "the delivery slot came and went",
               "the box arrived soaked and crushed"],
        lost=["the birthday it was meant for", "a day off work waiting in", "the deadline I needed it for"],
        task=["change the delivery address", "book a redelivery", "speak to a person"],
        offer=["a new delivery date next week", "an automatic email"],
        why=["my parcel went to a different town", "the tracking hasn't moved in five days",
             "it was marked as refused when I was home all day"],
        letdown=["the parcel was left in the rain", "the van came at 9pm", "nobody rang the bell"],
        promise=["it would come by Friday", "a driver would call ahead", "someone would look into it"],
        occasion=["my son's birthday", "the move", "the holidays"],
        plain_q=["do you deliver on Saturdays?", "how do I change my delivery slot?",
                 "can a neighbour sign for my parcel?"],
        plain_s=["expecting a parcel from you tomorrow.", "just booked a collection for Monday."],
    ),
    "telecom": dict(
        handle=["@LinkWave", "@SignalOne", "@FibreNest", "@MetroMobile"],
        pending=["the fault on my line", "the credit you promised", "my number transfer", "the engineer visit"],
        thing=["my broadband", "the internet", "my phone line", "my signal"],
        event=["the internet has dropped every evening this week", "the engineer never turned up",
               "my bill went up again with no notice", "my number still hasn't moved over",
               "there's been no signal at home since Sunday"],
        lost=["a day of work", "two client calls", "the whole weekend"],
        task=["cancel a contract", "report a fault", "get an engineer booked"],
        offer=["a reset of the router", "a five pound credit"],
        why=["I'm paying for speeds I never get", "the price changed in the middle of my contract",
             "my account was closed without asking"],
        letdown=["the speed is half what I pay for", "the router has to be restarted daily", "calls drop in the kitchen"],
        promise=["it would be fixed in 48 hours", "an engineer would come on Tuesday", "the credit would show on this bill"],
        occasion=["working from home", "my first week in the new flat"],
        plain_q=["is there an outage in the north of town?", "how do I set up the new router?",
                 "can I add a second SIM to my plan?"],
        plain_s=["moving house next month, will need the line moved.", "new router arrived today."],
    ),
    "bank": dict(
        handle=["@CrestBank", "@PennyWise", "@Ledgerly", "@UnionTrustBank"],
        pending=["the disputed payment", "my new card", "the refund of the double charge", "my account unlock"],
        thing=["my card", "my transfer", "my account"],
        event=["my card was declined at the till again", "the transfer has been pending for four days",
               "the app logged me out in the middle of a payment", "my account was frozen without warning"],
        lost=["the rent deadline", "a very awkward moment at the checkout", "the deposit on the flat"],
        task=["update my address", "raise a payment limit", "close an account"],
        offer=["a form to fill in", "a branch appointment in three weeks"],
        why=["I was charged a fee for a free account", "my card was cancelled", "the payment went out twice"],
        letdown=["the app is down every payday", "the chat bot loops me back to the start"],
        promise=["the money would be back in three days", "a new card would arrive this week", "someone would call me"],
        occasion=["moving flats", "the holiday"],
        plain_q=["how do I order a new card?", "can I set up a standing order in the app?",
                 "what are your branch hours on Saturday?"],
        plain_s=["just opened a savings account with you.", "switching my salary to this account next month."],
    ),
}

NEGATIVE = [
    "{h}still no update on {pending}, it's been {period}.",
    "{h}this is my {nth} call about {pending}.",
    "{h}on hold for {duration} and then the line went dead.",
    "{h}where is {thing}? It was due {when}.",
    "{h}any news on {pending}? {Period} and counting.",
    "{h}{event}, so I missed {lost}.",
    "{h}not the best start to {occasion}. {Event}.",
    "{h}{event}. Not ideal.",
    "{h}{event}. This is getting old.",
    "{h}thanks for the automated reply, but {pending} is still not sorted.",
    "{h}I've sent {n} messages about {pending} and nobody has answered.",
    "{h}why does it take {duration} on the phone to {task}?",
    "{h}when will someone actually call me back? {Period} now.",
    "{h}so {event} and the only offer is {offer}.",
    "{h}{n} agents, {n} different answers about {pending}.",
    "{h}I'd like to know why {why}.",
    "{h}is there anyone who can help with {pending}? I've run out of options.",
    "{h}a little frustrating that {letdown}.",
    "{h}was told {promise} {period} ago. Still waiting.",
    "{h}{why}, and nobody can explain it.",
    "{h}copy and paste replies won't fix {pending}.",
    "{h}I've been a customer for {years} and this is how {pending} gets handled?",
    "{h}so {letdown}. Good to know.",
    "{h}{event}. Guess I'll just wait then.",
    "{h}second time this month that {letdown}.",
    "{h}you said {promise}. That was {period} ago.",
    "{h}{event} and the staff had no answers.",
    "{h}hard to stay loyal when {why}.",
    "{h}can someone explain why {why}?",
    "{h}DM sent {period} ago about {pending}, no reply.",
    "{h}kind of disappointed, {letdown}.",
    "{h}I shouldn't have to chase {pending} every day.",
    "{h}please just sort out {pending}. {Period} is long enough.",
    "{h}well, {event}. Lovely.",
]
NEUTRAL = ["{h}{plain_q}", "{h}{plain_s}", "{h}quick question: {plain_q}", "{h}hi, {plain_q}"]

PERIODS = ["three weeks", "ten days", "a month", "two weeks", "five days", "48 hours", "six weeks"]
DURATIONS = ["an hour", "90 minutes", "two hours", "45 minutes", "over an hour"]
NTH = ["third", "fourth", "fifth", "sixth", "seventh"]
NUMBERS = ["three", "four", "five", "six"]
WHENS = ["yesterday", "on Monday", "last week", "three days ago"]
YEARS = ["ten years", "six years", "fifteen years", "a long time"]


def _cap(text):
    return text[:1].upper() + text[1:]


def generate(seed, target):
    """About `target` rows: three calm complaints (negative) for every plain post (neutral)."""
    rng = random.Random(seed)
    rows, seen = [], set()
    domains = sorted(DOMAINS)
    attempts = 0
    while len(rows) < target and attempts < target * 50:
        attempts += 1
        d = DOMAINS[rng.choice(domains)]
        negative = rng.random() < 0.75
        template = rng.choice(NEGATIVE if negative else NEUTRAL)
        values = {key: rng.choice(value) for key, value in d.items()}
        values.update(period=rng.choice(PERIODS), duration=rng.choice(DURATIONS), nth=rng.choice(NTH),
                      n=rng.choice(NUMBERS), when=rng.choice(WHENS), years=rng.choice(YEARS))
        values["h"] = values["handle"] + " " if rng.random() < 0.6 else ""

        def replace(match):
            key = match.group(1)
            value = values[key.lower()]
            return _cap(value) if key[0].isupper() else value

        text = re.sub(r"\{([A-Za-z_]+)\}", replace, template)
        body = text[len(values["h"]):]
        body = _cap(body) if rng.random() < 0.6 else body
        text = values["h"] + body
        if rng.random() < 0.2:
            text = text.rstrip(".")
        text = re.sub(r"[ ]+", " ", text).strip()
        key = re.sub(r"\W+", " ", text.lower()).strip()
        if key in seen:
            continue
        seen.add(key)
        category = "question" if not negative and "?" in text else "other"
        if negative:
            category = "billing" if re.search(r"refund|charge|fee|bill|credit|deposit|invoice|payment|compensation", text) \
                else "performance" if re.search(r"hold for|still no update|still waiting|pending|hasn't moved|late|delay|pushed back|wait", text) \
                else "other"
        rows.append((text, "negative" if negative else "neutral", category))
    return rows
