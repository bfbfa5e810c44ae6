#!/usr/bin/env python3
"""Builds data/builtin/feedback.csv, the project's own labelled customer-feedback corpus.

Every fragment below was written by hand for this project; nothing is copied from a data set.
The generator combines domain vocabularies (brands, features, symptoms, requests, questions...) with
sentence templates per (category, sentiment), then varies register: openers, sign-offs, emoji,
casing, and a few typos. It is deterministic: the same seed gives the same CSV, byte for byte.

    python3 data/builtin/generate.py            # writes data/builtin/feedback.csv
    python3 data/builtin/generate.py --check    # fails when the committed CSV is stale
"""
import argparse
import csv
import io
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import app_reviews  # noqa: E402  (same folder: the app-store review part of the corpus)
import reviews  # noqa: E402  (same folder: the product- and restaurant-review part of the corpus)
import calm_complaints  # noqa: E402  (same folder: calm service complaints in the register of short public posts)

SEED = 20261127
TARGET_ROWS = 5000
# App-store review sentences (app_reviews.py) added after the customer-service comments: templated rows, the long
# hand-written sentences, and mixed "praise, but please add/fix" rows.
APP_REVIEW_ROWS = 2600
APP_REVIEW_MIXED = 400
# Product- and restaurant-review sentences (reviews.py): short verdicts, aspects, calm and sarcastic complaints.
REVIEW_ROWS = 3600
# Calm service complaints (calm_complaints.py): time lost, repeated attempts, broken promises, understatement.
CALM_COMPLAINT_ROWS = 900

# ---------------------------------------------------------------------------------------------
# Domains: what a customer of each kind of business talks about. Every list is used by the
# generic templates, so each entry must read naturally after the words shown in the comments.
# ---------------------------------------------------------------------------------------------
DOMAINS = {
    "mobile app": dict(
        brand=["PocketBudget", "FitTrack", "SnapNote", "Wayfinder", "TuneBox", "Mealio", "ChatterUp", "PhotoLoom"],
        it=["the app", "this app", "the new version", "the latest update", "the iOS app", "the Android app"],
        feature=["the login screen", "the photo upload", "dark mode", "the search bar", "push notifications",
                 "the widget", "offline mode", "the sync with my watch", "the share button", "the settings page",
                 "the calendar view", "the camera screen"],
        task=["log in", "upload a photo", "sync my data", "open the settings", "share a note", "restore my backup",
              "change my profile picture", "export my workouts", "add a new playlist"],
        fail=["keeps crashing", "freezes on the splash screen", "shows a blank white screen", "logs me out every few minutes",
              "throws 'something went wrong'", "does nothing when I tap it", "crashes right after the update",
              "won't load past the spinner", "duplicates every entry", "resets my settings every time"],
        slow=["takes forever to open", "drains my battery in two hours", "lags every time I scroll",
              "takes 20 seconds to load a single page", "stutters badly on my phone", "eats 2 GB of storage for no reason"],
        fast=["opens instantly now", "is way smoother since the update", "barely uses any battery now",
              "scrolls like butter", "loads in a second"],
        req=["add a dark mode", "let me export to CSV", "add a home screen widget", "support landscape mode",
             "let me set reminders", "add Apple Watch support", "let me hide the ads for a one-time fee",
             "add a way to back up to my own cloud", "allow more than one account", "add a search filter by date"],
        question=["how do I restore my old notes", "is there a way to turn off the sounds", "does the app work offline",
                  "can I use the same account on two phones", "where did the export option go",
                  "how do I delete my account", "is there a tablet version"],
        bill=["I was charged for the premium plan after I cancelled", "the subscription renewed without any warning",
              "I paid for pro and still see ads", "I got billed twice this month",
              "the free trial turned into a yearly charge"],
        bill_q=["how do I cancel the subscription", "can I switch from monthly to yearly billing",
                "will I get a refund if I cancel today", "why does the price differ on Android and iOS"],
        good=["the design is clean and simple", "it does exactly what I need", "the reminders keep me on track",
              "the new layout is really intuitive", "it just works", "syncing is finally reliable"],
        bad_other=["the ads are everywhere", "the new icons are ugly", "the onboarding is way too long",
                   "it asks for way too many permissions"],
        neutral_other=["I mostly use it on the train", "I switched from another app last month",
                       "I use it with my partner to track groceries", "installed it because a friend recommended it"],
        staff=["the support team", "the developer", "the help chat"],
        thing=["my account", "my notes", "my data", "my subscription"],
        aspect=["design", "interface", "latest update", "layout", "onboarding", "app", "new version"],
        kind=["app", "budgeting app", "note-taking app"],
    ),
    "software": dict(
        brand=["Ledgerly", "TaskHive", "CloudDesk", "Invoicely", "DraftRoom", "Meetline", "Stackform", "DataPond"],
        it=["the dashboard", "the desktop client", "the web app", "the new editor", "the platform"],
        feature=["the CSV export", "the search", "the calendar integration", "two-factor login", "the PDF export",
                 "the API", "the reporting module", "the Slack integration", "single sign-on", "the file importer",
                 "the permissions page", "the invoice template editor"],
        task=["export a report", "invite a teammate", "connect to our Google Drive", "import last year's invoices",
              "save a draft", "generate an API key", "merge two projects", "print a report"],
        fail=["returns a 500 error", "times out every time", "silently drops rows", "breaks the formatting",
              "crashes the whole window", "loses my changes when I hit save", "shows the wrong totals",
              "fails with 'unexpected token'", "doesn't save anything", "hangs at 99%"],
        slow=["takes almost a minute to load", "is painfully slow with more than 1000 rows",
              "makes my laptop fans spin like crazy", "lags when three people edit at once",
              "needs several minutes to generate a simple report"],
        fast=["loads big projects in a couple of seconds", "is noticeably snappier since 4.2",
              "handles our 50k row sheets without a hiccup", "generates reports almost instantly now"],
        req=["add an undo history", "support SAML login", "let us schedule reports by email",
             "add keyboard shortcuts for everything", "offer a Linux version", "allow custom fields on tasks",
             "add a read-only role for clients", "support webhooks", "let us bulk edit entries",
             "add a proper audit log"],
        question=["is there an API rate limit", "can we host it on our own servers", "how do I transfer ownership of a workspace",
                  "does the export include archived projects", "is the data stored in the EU",
                  "can guests comment without an account"],
        bill=["we were charged for 25 seats but only have 12 users", "the invoice shows the wrong VAT number",
              "our card was charged after we downgraded", "the price went up 40% without notice",
              "we were billed for a month we had already cancelled"],
        bill_q=["can we pay by bank transfer instead of card", "do you offer a discount for nonprofits",
                "how are seats counted when someone leaves", "where can I download past invoices"],
        good=["it saved our team hours every week", "onboarding new staff is a breeze",
              "the reports are exactly what our accountant wanted", "the keyboard shortcuts are brilliant",
              "the new editor is a joy to use", "everything is where you expect it"],
        bad_other=["the new interface is confusing", "the documentation is out of date",
                   "the terms of service changed without explanation"],
        neutral_other=["we moved to it from spreadsheets in March", "our team of eight uses it daily",
                       "we are evaluating it against two other tools", "I use it mainly for invoices"],
        staff=["your support team", "the account manager", "the onboarding specialist"],
        thing=["our workspace", "the team account", "our licence", "the project"],
        aspect=["interface", "reporting", "documentation", "editor", "integration", "dashboard"],
        kind=["tool", "piece of software", "platform"],
    ),
    "online shop": dict(
        brand=["ShopNest", "Cartwheel", "UrbanThreads", "HomeHaven", "GadgetGrove", "Petopia", "BookBarn"],
        it=["the website", "your online store", "the checkout", "the shop app", "the site"],
        feature=["the checkout page", "the discount code box", "order tracking", "the size guide", "the wishlist",
                 "the product filter", "the payment page", "the returns portal", "the basket", "guest checkout"],
        task=["check out", "apply my discount code", "track my order", "start a return", "pay with my card",
              "change my delivery address", "add items to the basket", "reset my password"],
        fail=["keeps emptying my basket", "throws an error at the last step", "rejects a valid card",
              "says my promo code is invalid", "shows items as in stock that aren't", "loops back to the login page",
              "won't accept my postcode", "charges shipping twice"],
        slow=["shipped my order two weeks late", "is so slow the page times out", "takes ages to load product pages",
              "left my order in 'processing' for a week", "took a month to refund me",
              "delivered nine days after the promised date"],
        fast=["shipped my order the same afternoon", "refunded me within 48 hours", "loads pages instantly now",
              "got my parcel to me two days early"],
        req=["offer a wider range of sizes", "add a filter for vegan products", "let me save more than one address",
             "offer gift wrapping", "add Klarna or another pay-later option", "show delivery dates before checkout",
             "restock the blue version", "add reviews with photos", "ship to Norway"],
        question=["do you ship to Canada", "what is the return window for sale items", "can I change the size after ordering",
                  "is this jacket true to size", "when will the grey sofa be back in stock", "do you price match"],
        bill=["I was charged twice for the same order", "my refund still hasn't arrived after three weeks",
              "I got charged for express shipping I didn't choose", "the discount wasn't applied to the final price",
              "I was billed for an item that was never delivered"],
        bill_q=["when will my refund show up on my statement", "can I pay in instalments", "do you accept PayPal",
                "why is there a pending charge on my card"],
        good=["the quality is amazing for the price", "the packaging was lovely", "the sizes are spot on",
              "returns were painless", "the shoes fit perfectly", "the customer service was really friendly"],
        bad_other=["the jacket fell apart after two washes", "the colour looks nothing like the photos",
                   "the box was crushed", "the item was clearly used", "half the order was missing", "the staff in the store were rude",
                   "they sent the wrong size"],
        neutral_other=["ordered a lamp and two cushions", "this was my second order", "bought it as a birthday present",
                       "I usually shop in the store in town"],
        staff=["the courier", "customer service", "the person on the chat"],
        thing=["my order", "my parcel", "my return", "the jacket"],
        aspect=["quality", "packaging", "fabric", "fit", "price", "jacket", "sofa", "service"],
        kind=["online shop", "store", "brand"],
    ),
    "airline": dict(
        brand=["Brightline Air", "SkyHop", "NorthJet", "Coastal Airways", "AeroLink", "BlueFin Air"],
        it=["the airline", "this airline", "your airline"],
        feature=["online check-in", "seat selection", "the boarding pass download", "the booking page",
                 "the baggage tracker", "the in-flight wifi", "the rebooking tool", "the miles calculator"],
        task=["check in online", "pick a seat", "add a bag", "change my flight", "download my boarding pass",
              "claim my miles", "cancel my booking"],
        fail=["kept failing with an error", "crashed halfway through", "showed the wrong flight",
              "never sent the boarding pass", "didn't work at all", "lost my seat reservation"],
        slow=["delayed us four hours with no explanation", "kept us on the tarmac for 90 minutes",
              "took an hour to deliver our bags", "had a check-in queue that took over an hour",
              "left me on hold for 75 minutes"],
        fast=["got us there 20 minutes early", "boarded everyone right on time", "had our bags out in ten minutes",
              "rebooked me in under five minutes"],
        req=["allow free seat changes for families", "add power sockets on short flights",
             "offer more vegetarian meals", "show real-time gate changes in the app",
             "let me pay for bags after booking", "bring back the free snack"],
        question=["how much is an extra bag", "can I bring my guitar as hand luggage", "is the 6am flight still on time",
                  "how early does the bag drop open", "can I change the name on a ticket",
                  "do you allow pets in the cabin"],
        bill=["I was charged twice for my bag", "still waiting on a refund for a cancelled flight",
              "the seat fee was charged even though the seat was changed", "the voucher you gave me doesn't work",
              "hidden fees doubled the price of the ticket"],
        bill_q=["how do I request compensation for the delay", "can I get a refund instead of a voucher",
                "why was my card charged in euros"],
        good=["the crew were lovely", "the legroom was great", "boarding was smooth",
              "the pilot kept us informed the whole time", "the seats were comfortable", "the crew handled a sick passenger brilliantly"],
        bad_other=["the crew were rude", "my suitcase arrived broken", "the plane was filthy",
                   "they lost my luggage", "the seat wouldn't recline", "they cancelled my flight the night before"],
        neutral_other=["flew from Dublin to Madrid on Tuesday", "it was a short domestic flight",
                       "I travel with them about twice a year", "we were a group of six"],
        staff=["the gate agent", "the flight attendant", "the call centre", "the crew"],
        thing=["my flight", "my booking", "my bag", "my ticket"],
        aspect=["flight", "crew", "seat", "food on board", "boarding process", "service", "legroom"],
        kind=["airline", "flight"],
    ),
    "hotel": dict(
        brand=["Harbourview Hotel", "The Linden Inn", "StayWell Suites", "Alpine Lodge", "Riverside Hostel", "CasaSol"],
        it=["the hotel", "the resort", "this hotel"],
        feature=["the key card", "the room wifi", "the air conditioning", "the shower", "the TV",
                 "the online booking form", "the safe", "the lift", "the mobile check-in"],
        task=["book a room", "check in", "connect to the wifi", "extend my stay", "order room service",
              "book the spa"],
        fail=["stopped working on the second day", "didn't work at all", "kept cutting out",
              "was broken when we arrived", "never got fixed despite three complaints", "made a horrible noise all night"],
        slow=["took 40 minutes to check us in", "had room service take an hour and a half",
              "had us waiting two hours for the room to be ready", "left the breakfast queue out the door"],
        fast=["had us checked in within two minutes", "fixed the problem in ten minutes",
              "brought room service in under 20 minutes"],
        req=["offer late checkout on Sundays", "add blackout curtains", "open the pool earlier",
             "have more vegan options at breakfast", "allow online check-in", "add a kettle in the rooms"],
        question=["is breakfast included", "do you have parking on site", "can we check in early",
                  "are dogs allowed", "is the pool heated", "how far is it from the station"],
        bill=["we were charged for a minibar we never touched", "the deposit was never returned",
              "the price at checkout was higher than the booking", "they charged a resort fee nobody mentioned",
              "I was billed for two nights instead of one"],
        bill_q=["when will the deposit be released", "can I get an invoice with my company name",
                "is the city tax included in the price"],
        good=["the room was spotless", "the view was stunning", "the staff went out of their way for us",
              "the beds were so comfortable", "breakfast was fantastic", "the location is perfect"],
        bad_other=["the room smelled of smoke", "the walls are paper thin", "the bathroom was dirty",
                   "the receptionist was rude", "the pool was closed the whole week", "there was mould in the shower",
                   "the room was dirty and the staff were rude", "the staff were unfriendly", "the corridor was noisy all night"],
        neutral_other=["stayed three nights for a conference", "we were on the fourth floor",
                       "it's about ten minutes from the old town", "booked it through a travel site"],
        staff=["the receptionist", "the night manager", "the housekeeping team", "the concierge"],
        thing=["my booking", "our room", "my reservation", "the deposit"],
        aspect=["room", "breakfast", "staff", "view", "bed", "location", "stay", "spa"],
        kind=["hotel", "stay", "place"],
    ),
    "bank": dict(
        brand=["Harbor Bank", "NovaPay", "Cedar Credit Union", "Finwise", "TrustLine Bank"],
        it=["the bank", "my bank", "this bank"],
        feature=["the login", "face ID login", "the transfer screen", "card freeze", "the statement download",
                 "contactless payments", "the savings pots", "the payee list", "the cheque deposit"],
        task=["log in", "transfer money", "pay a bill", "download my statement", "add a new payee",
              "freeze my card", "open a savings account"],
        fail=["keeps saying my password is wrong", "declined at the supermarket for no reason",
              "shows the wrong balance", "fails with code 403", "sends the one-time code too late",
              "logged me out mid transfer"],
        slow=["took five days to clear a transfer", "kept me on hold for an hour",
              "needs three weeks to send a new card", "takes ages to show pending payments"],
        fast=["sent my new card in two days", "made the transfer instantly",
              "answered the phone within a minute"],
        req=["add spending categories", "let me round up purchases into savings", "offer Apple Pay",
             "show pending transactions", "let me set a travel notice in the app", "add joint account access"],
        question=["what is the daily transfer limit", "how do I change my PIN", "do you charge for foreign transactions",
                  "can I open an account for my child", "how long does a SEPA transfer take"],
        bill=["I was charged an overdraft fee even though I had money", "there's a monthly fee I never agreed to",
              "a payment was taken twice", "the exchange rate fee was much higher than advertised",
              "they charged me for a card I never received"],
        bill_q=["why was I charged a maintenance fee", "can the late fee be waived", "what are the fees for a wire transfer"],
        good=["the app is really easy to use", "the advisor explained everything clearly",
              "the instant notifications are great", "sorting out my mortgage was painless",
              "fraud protection caught a dodgy payment right away"],
        bad_other=["the branch closed without notice", "the advisor was condescending",
                   "my account was frozen without explanation"],
        neutral_other=["I've banked with them for ten years", "I mostly use the app", "opened a joint account last month"],
        staff=["the advisor", "the branch staff", "the fraud team", "the call centre"],
        thing=["my account", "my card", "my transfer", "my loan application"],
        aspect=["app", "advisor", "service", "mortgage process", "customer service"],
        kind=["bank", "banking app"],
    ),
    "telecom": dict(
        brand=["Velo Mobile", "SkyNet Broadband", "Lumen Fibre", "TalkTime", "Airwave"],
        it=["my broadband", "the mobile network", "the router", "the provider", "my connection"],
        feature=["the router", "4G coverage", "the fibre line", "the voicemail", "the roaming", "the eSIM setup",
                 "the TV box", "the account portal"],
        task=["activate my eSIM", "port my number", "set up the router", "check my data usage", "change my plan"],
        fail=["drops out every evening", "keeps restarting", "has no signal at home", "stopped working after the storm",
              "won't connect to anything", "shows 'no service' all day"],
        slow=["is slower than dial-up in the evenings", "gives me 3 Mbps instead of 100", "has had an outage for three days",
              "took two weeks to install", "buffers constantly"],
        fast=["gets the full 500 Mbps", "has been rock solid for months", "was installed the same week"],
        req=["offer a plan without a contract", "include EU roaming", "give a discount for loyal customers",
             "let me roll over unused data", "support wifi calling"],
        question=["is there fibre in my area", "how do I set up voicemail", "can I keep my number if I switch",
                  "does the plan include roaming in the UK", "when does my contract end"],
        bill=["my bill is double what was agreed", "I was charged roaming fees at home",
              "they keep charging me for a cancelled line", "an early termination fee appeared out of nowhere",
              "the promised discount never showed up on the bill"],
        bill_q=["why did my bill go up this month", "can I pay by direct debit", "how is the pro-rata charge calculated"],
        good=["the connection is super stable", "the technician was brilliant", "the price is fair",
              "coverage is great even in the countryside", "setup took five minutes"],
        bad_other=["the technician never showed up", "the shop staff were clueless", "the contract terms are a trap"],
        neutral_other=["we have the 300 Mbps plan", "I've been with them since 2019", "moved house in August"],
        staff=["the technician", "customer care", "the shop staff", "the agent on the phone"],
        thing=["my line", "my contract", "my bill", "my number"],
        aspect=["connection", "coverage", "price", "customer service", "installation"],
        kind=["provider", "network", "broadband deal"],
    ),
    "delivery": dict(
        brand=["ParcelPoint", "SwiftShip", "QuickDrop", "GreenBox Deliveries", "RapidRoute"],
        it=["the courier", "the delivery service", "this courier company"],
        feature=["the tracking link", "the delivery slot picker", "the safe place option", "the driver chat",
                 "the redelivery form", "the locker pickup"],
        task=["track my parcel", "book a redelivery", "change the delivery day", "pick a safe place",
              "reach the driver"],
        fail=["shows delivered but nothing arrived", "hasn't updated in four days", "says the address doesn't exist",
              "gives a 404 error", "keeps rejecting my code"],
        slow=["delivered my parcel a week late", "left my parcel in the depot for five days",
              "came three hours after the slot", "took ten days for a next-day delivery"],
        fast=["delivered an hour early", "came the next morning", "delivered right within the slot"],
        req=["send a photo when the parcel is left", "offer evening delivery slots", "let me choose a neighbour",
             "give a narrower time window", "add weekend deliveries"],
        question=["where is my parcel", "can someone else sign for it", "how long do you keep parcels at the depot",
                  "can I collect it myself", "do you deliver on Sundays"],
        bill=["I was charged for a redelivery that never happened", "they charged customs fees twice",
              "I paid for next day and it took a week", "the refund for the lost parcel never came"],
        bill_q=["who pays the customs fee", "can I get the delivery fee back", "why is there an extra charge for my area"],
        good=["the driver was super friendly", "the parcel was handled with care", "the tracking is spot on",
              "the updates were really helpful"],
        bad_other=["the driver threw the parcel over the fence", "the box was soaked", "the parcel was left in the rain",
                   "the driver was rude"],
        neutral_other=["the parcel was a small box", "I was at work during the slot", "it was sent from Germany"],
        staff=["the driver", "the depot", "the customer line"],
        thing=["my parcel", "the package", "my delivery", "the box"],
        aspect=["driver", "packaging", "tracking", "service", "delivery"],
        kind=["courier", "delivery service"],
    ),
    "restaurant": dict(
        brand=["Luigi's Kitchen", "Spice Route", "The Green Fork", "Burger Barn", "Sakura Sushi", "Bean There Cafe"],
        it=["the restaurant", "the cafe", "the takeaway", "the kitchen"],
        feature=["the online ordering", "the table booking page", "the QR menu", "the loyalty card", "the card machine"],
        task=["book a table", "order online", "use my voucher", "pay by card", "add a tip"],
        fail=["didn't work so we had to order at the counter", "charged us but never sent the order",
              "lost our booking", "was down all evening"],
        slow=["took over an hour to bring our mains", "delivered our order 50 minutes late and cold",
              "kept us waiting 30 minutes for the bill", "had a 45 minute wait even with a booking"],
        fast=["had our food out in ten minutes", "delivered in 20 minutes and still hot", "served us right away"],
        req=["add more vegan dishes", "open for lunch on Mondays", "offer smaller portions for kids",
             "list allergens on the menu", "bring back the mushroom risotto"],
        question=["do you have gluten free pizza", "can we bring a birthday cake", "is there parking nearby",
                  "do you take bookings for 12", "are dogs allowed on the terrace"],
        bill=["we were charged for a dish we never got", "the service charge was added twice",
              "the bill was wrong and nobody apologised", "I was charged for delivery on a pickup order"],
        bill_q=["is service included", "can we split the bill", "do you accept meal vouchers"],
        good=["the pasta was incredible", "the staff were so welcoming", "best ramen in town",
              "the desserts are to die for", "great food and great vibe", "the coffee is perfect"],
        bad_other=["the food was cold", "the waiter was rude", "the portions were tiny", "my steak was raw",
                   "the table was sticky", "there was a hair in my soup",
                   "the staff were rude and ignored us", "the place was dirty"],
        neutral_other=["we went on a Friday night", "ordered the set menu", "it was a work lunch",
                       "we sat outside on the terrace"],
        staff=["the waiter", "the manager", "the kitchen", "the delivery driver"],
        thing=["our order", "my booking", "the bill", "our table"],
        aspect=["food", "service", "atmosphere", "dessert", "pasta", "coffee", "meal", "menu"],
        kind=["restaurant", "meal", "place"],
    ),
    "support desk": dict(
        brand=["HelpHub", "DeskPilot", "FixIt Desk", "AnswerLine", "the IT desk"],
        it=["support", "the help desk", "your support team"],
        feature=["the ticket form", "the live chat", "the knowledge base search", "the callback option",
                 "the attachment upload", "the status page"],
        task=["open a ticket", "attach a screenshot", "reach a human", "reopen my ticket", "find the manual"],
        fail=["closes my ticket without a reply", "loses the attachments", "shows an error when I submit",
              "keeps sending me in circles", "logs me out before I can submit"],
        slow=["has left my ticket unanswered for two weeks", "took six days to reply", "had me on hold for 50 minutes",
              "needed five emails to fix a simple thing"],
        fast=["replied within ten minutes", "solved it on the first call", "got back to me the same day"],
        req=["add a phone number for urgent cases", "show the expected response time", "let me upload videos",
             "offer support in Spanish", "send updates by SMS"],
        question=["what are your support hours", "can I get an update on ticket 48213", "who do I contact about a data request",
                  "is there a status page for outages", "how do I escalate a ticket"],
        bill=["I was charged for a support plan we don't have", "the premium support fee was billed twice",
              "we paid for priority support and still wait days"],
        bill_q=["is phone support included in our plan", "how much is the premium support add-on"],
        good=["the agent was patient and kind", "my issue was fixed in one go", "the guide was clear and helpful",
              "they followed up to make sure it worked"],
        bad_other=["the agent was dismissive", "nobody reads what I write", "the canned replies are insulting"],
        neutral_other=["I opened the ticket on Monday", "it's my third ticket this year", "I called from my work phone"],
        staff=["the agent", "Sam from support", "the second-line team", "the chat bot"],
        thing=["my ticket", "my case", "my request", "my complaint"],
        aspect=["agent", "answer", "follow-up", "service", "help"],
        kind=["support team", "help desk"],
    ),
    "entertainment": dict(
        brand=["Starlight Cinemas", "ReelBox", "Nightowl Streaming", "PlayForge", "PageTurn Books", "Encore Tickets"],
        it=["the streaming service", "the cinema", "the app", "the game"],
        feature=["the video player", "the subtitles", "the download feature", "the watchlist", "4K playback",
                 "the seat booking", "the save system", "multiplayer matchmaking", "the e-reader sync"],
        task=["watch a film", "download an episode", "book cinema seats", "join a match", "resume my book",
              "switch the subtitles on"],
        fail=["stutters every few minutes", "loses my place every time", "won't play anything in HD",
              "puts the audio out of sync", "kicks me out mid-match", "crashes at the same cutscene"],
        slow=["buffers constantly", "takes ages to start a film", "has loading screens that last forever",
              "takes a minute to open the menu"],
        fast=["starts playing instantly", "streams in 4K without a hiccup", "loads levels in seconds"],
        req=["add subtitles in more languages", "let me download episodes", "add a kids profile",
             "bring back the old series", "add couch co-op", "offer audio description on more films"],
        question=["when does season 3 come out", "is the film available with audio description",
                  "can I watch on two screens at once", "is there parking at the cinema",
                  "does the book come as an audiobook too"],
        bill=["I was charged after cancelling my membership", "the price went up again without warning",
              "I paid for the season pass and got nothing", "the ticket booking fee was charged twice"],
        bill_q=["is there a student discount", "can I pause my membership", "do the gift cards expire"],
        good=["the film was absolutely gripping", "the story kept me hooked until the end", "the acting was superb",
              "the soundtrack is gorgeous", "the new season is the best yet", "the ending made me cry in a good way",
              "the graphics are stunning", "the characters feel real", "it was funny and clever from start to finish",
              "the cinema was comfortable and the sound was amazing"],
        bad_other=["the film was boring and far too long", "the plot made no sense", "the ending was a huge letdown",
                   "the acting was wooden", "the cinema was freezing and the screen was dirty",
                   "the new season is lazy and predictable", "the characters are flat and forgettable",
                   "the jokes fall flat", "the story drags on with nothing happening"],
        neutral_other=["watched it on a Sunday evening", "we saw the 8pm showing", "I'm halfway through the second season",
                       "played it for about ten hours", "read it on holiday"],
        staff=["the cinema staff", "customer support", "the usher"],
        thing=["my membership", "my account", "my ticket", "my subscription"],
        aspect=["film", "story", "plot", "acting", "ending", "soundtrack", "characters", "script", "new season",
                "game", "graphics", "dialogue", "pacing", "book", "performances"],
        kind=["film", "series", "game", "book", "streaming service"],
    ),
}

# General sentiment vocabulary, so that models trained on the corpus learn words, not only templates.
LEXICON = dict(
    pos_adj=["great", "excellent", "amazing", "wonderful", "fantastic", "brilliant", "superb", "lovely", "delightful",
             "outstanding", "impressive", "perfect", "awesome", "terrific", "solid", "reliable", "pleasant",
             "charming", "enjoyable", "fun", "beautiful", "smart", "clever", "helpful", "friendly", "warm", "smooth",
             "intuitive", "elegant", "refreshing", "remarkable", "satisfying", "memorable", "gorgeous", "top-notch",
             "stellar", "exceptional", "polished", "thoughtful", "effortless", "fabulous", "inspiring", "heartwarming",
             "funny", "entertaining", "engaging", "gripping", "witty", "spotless", "generous", "flawless", "cosy"],
    neg_adj=["terrible", "awful", "horrible", "dreadful", "poor", "bad", "disappointing", "useless", "pathetic",
             "frustrating", "annoying", "infuriating", "mediocre", "boring", "dull", "tedious", "clunky", "confusing",
             "sloppy", "shoddy", "unreliable", "rude", "incompetent", "careless", "overpriced", "cheap", "flimsy",
             "lazy", "messy", "ugly", "painful", "miserable", "unacceptable", "ridiculous", "laughable", "pointless",
             "lifeless", "bland", "forgettable", "predictable", "tiresome", "unbearable", "awkward", "unhelpful",
             "dismal", "lousy", "subpar", "second-rate", "half-baked", "buggy", "filthy", "chaotic"],
    neu_adj=["okay", "fine", "average", "standard", "ordinary", "adequate", "acceptable", "so-so", "typical",
             "alright", "as expected", "about what you'd expect"],
    intens=["really", "so", "incredibly", "absolutely", "genuinely", "surprisingly", "truly", "very", "extremely",
            "honestly"],
    waste=["money", "time", "an evening", "a weekend", "my afternoon"],
    pos_noun=["gem", "delight", "masterpiece", "treat", "joy", "triumph", "bargain", "winner", "lifesaver",
              "pleasure", "revelation", "breath of fresh air", "class act", "real find"],
    neg_noun=["mess", "disaster", "letdown", "nightmare", "rip-off", "joke", "waste", "failure", "chore",
              "headache", "shambles", "train wreck", "con", "disgrace"],
    pos_verb=["enjoyed", "loved", "adored", "appreciated", "was impressed by", "was blown away by", "was delighted with"],
    neg_verb=["hated", "regretted", "disliked", "was disappointed by", "was fed up with", "couldn't stand", "was annoyed by"],
    late=["my flight", "the flight", "my parcel", "our food", "the delivery", "my refund", "the technician",
          "my new card", "the shuttle bus", "our room", "the replacement", "the connecting flight", "my order"],
    hours=["two", "three", "four", "five", "six", "eight", "twelve"],
    quality=["charm", "warmth", "imagination", "energy", "care", "polish", "heart", "wit", "soul", "attention to detail"],
)

# ---------------------------------------------------------------------------------------------
# Templates per (category, sentiment). {x} slots come from the domain; several templates per cell
# use negation, sarcasm or mixed feelings on purpose.
# ---------------------------------------------------------------------------------------------
TEMPLATES = {
    ("bug report", "negative"): [
        "{Feature} {fail}.",
        "{feature} {fail} and support never answers.",
        "The app keeps crashing and support never answers.",
        "{Feature} {fail}. Fix it please!!",
        "Every time I try to {task}, {feature} {fail}. Useless.",
        "{Brand}: {feature} {fail} since yesterday. Not acceptable.",
        "Still broken. {Feature} {fail} and nobody cares.",
        "I can't {task} because {feature} {fail}.",
        "Tried three times to {task}. {Feature} {fail}. Giving up.",
        "Great, {feature} {fail} again. Thanks a lot {brand}.",
        "Love how {feature} {fail} right when I need it. Brilliant work.",
        "{feature} is not working. at all.",
        "{Feature} doesn't work and I've already reinstalled twice.",
        "Why does {feature} {fail_bare}?? This is the third time this week.",
        "Since the last update {feature} {fail}. Please roll it back.",
        "Your {feature_bare} is broken, I cannot {task}.",
        "Bug: {feature} {fail}. Steps: try to {task}, watch it fail.",
        "I like {brand} but {feature} {fail} and it ruins everything.",
        "Unable to {task}. {Feature} {fail}.",
        "Nothing works. {Feature} {fail}, {feature2} {fail2}.",
        "{Feature} {fail}. Paid customer, not impressed.",
        "seriously {brand}?? {feature} {fail}",
        "Can't {task}, {feature} {fail}. Wasted my whole morning.",
        "Reported this a month ago and {feature} still {fail}.",
        "It's not a small glitch, {feature} {fail} every single time.",
        "Broken again: {feature} {fail}.",
        "I have been a loyal customer of {brand} for years, but lately it is one problem after another. First {feature} {fail}, then {feature2} {fail2}. I contacted {staff} twice and got nothing but copy-paste answers. I just want to {task} like a normal person.",
        "Dear {brand}, I am writing to complain because {feature} {fail}. I tried everything your help page suggests, cleared the cache, reinstalled, waited a day. Nothing changed and I still cannot {task}. Please escalate this.",
        "{Feature} doesn't work. I can't {task}, I can't reach anyone, and I'm paying for this.",
    ],
    ("bug report", "neutral"): [
        "Small issue: {feature} {fail} when I try to {task}.",
        "Hi, just letting you know {feature} {fail} on my side.",
        "Not sure if it's known, but {feature} {fail}.",
        "Found a bug: {feature} {fail}. Happy to send screenshots.",
        "FYI {feature} {fail} after the latest update.",
        "Reporting a problem: when I {task}, {feature} {fail}.",
        "{Feature} {fail} sometimes, maybe one time in five.",
        "Minor thing, {feature} {fail} occasionally. Otherwise fine.",
        "Hello, {feature} {fail} for a few users in our team. Can you check?",
        "Possible bug: {feature} {fail} when the connection is weak.",
        "Hello, I would like to report an issue. When I try to {task}, {feature} {fail}. It started on Monday and happens on both my laptop and my phone. Let me know if you need logs or screenshots. Thank you.",
    ],
    ("feature request", "neutral"): [
        "Please {req}.",
        "It would be nice if you could {req}.",
        "Could you {req}?",
        "Suggestion: {req}.",
        "Any plans to {req}?",
        "Feature request: {req}.",
        "Would love to see you {req} at some point.",
        "One idea: {req}. That would help people like me.",
        "Please consider an option to {req}.",
        "It would help a lot if {brand} could {req}.",
        "Is it on the roadmap to {req}?",
        "Wish list: {req}, and maybe {req2}.",
        "{Brand} team, can you {req}? Thanks.",
        "We use {brand} every day and it covers most of what we need. The one thing we keep missing is a way to {req}. If you could build that, it would save us a lot of manual work. Happy to test a beta.",
    ],
    ("feature request", "positive"): [
        "Love {brand}! Only thing missing: {req_ing}.",
        "Great service overall, it would be perfect if you could {req}.",
        "Really happy with {brand}. Please {req} and it's a 5 star from me.",
        "Fantastic so far 😊 would love it if you {req_past}.",
        "{Brand} is brilliant, one request though: {req}.",
        "{Brand} is the best I've used. Next step: {req}!",
    ],
    ("feature request", "negative"): [
        "Still no option to {req}?? Come on, it's {year}.",
        "How is it possible you can't {req} yet. Switching to a competitor.",
        "I've asked three times for you to {req}. Nothing. Disappointing.",
        "Without a way to {req} this is pretty useless to me.",
        "Why on earth can't you {req}? Everyone else does.",
        "Honestly frustrating that you still don't {req}.",
    ],
    ("praise", "positive"): [
        "{Good}!",
        "{Brand} is great, {good}.",
        "Absolutely love it, {good}.",
        "{Good}. Thank you {brand}!",
        "Really impressed, {good}.",
        "Not bad at all, {good}.",
        "Can't complain, {good}.",
        "Five stars. {Good}.",
        "Big thanks to {staff}, {good}.",
        "{Staff} was amazing today. {Good}.",
        "Never had a single problem with {brand}. {Good}.",
        "Wow. {Good}. Will definitely recommend.",
        "Been using {brand} for years and {good}.",
        "Honestly the best experience I've had, {good}.",
        "{Good} and {good2}. Couldn't ask for more.",
        "So glad I chose {brand}. {Good}.",
        "Top notch, {good}.",
        "Kudos to the team, {good}.",
        "{Good}, well done!",
        "10/10 would recommend {brand}",
        "Keep up the good work, {good}.",
        "Was sceptical at first but {good}.",
        "Exceeded my expectations. {Good}.",
        "Not what I expected, in a good way: {good}.",
        "Honestly can't fault it, {good}.",
        "I was worried it wouldn't be worth it, but {good}.",
        "No problems at all, {good}.",
        "I rarely write reviews, but {brand} deserves one. {Good}, {good2}, and when I had a small problem {staff} sorted it out the same day. This is how it should be done everywhere. Thank you!",
        "Had a really rough week and this was the one thing that went right. {Good}. Thanks {staff}!",
        "{Brand} is {pos_adj}.",
        "What {a_pos_adj} {kind}!",
        "The {aspect} was {intens} {pos_adj}.",
        "The {aspect} was {pos_adj} and the {aspect2} was {pos_adj2}.",
        "I love this {kind}.",
        "I really love the {aspect}.",
        "Worth every penny, the {aspect} is {pos_adj}.",
        "Couldn't be happier with the {aspect}.",
        "The {aspect} never disappoints.",
        "Such {a_pos_adj} {kind}, highly recommend.",
        "{Pos_adj} {aspect}, {pos_adj2} {aspect2}.",
        "Not {neg_adj} at all, actually {pos_adj}.",
        "I didn't expect much, but the {aspect} was {pos_adj}.",
        "It's hard not to love the {aspect}.",
        "One of the best I've tried: the {aspect} is {intens} {pos_adj}.",
        "{Intens} {pos_adj}. I'll be back.",
        "the {aspect} is {pos_adj} , {pos_adj2} and {intens} {pos_adj3}",
        "{Brand} is {a_pos_noun}.",
        "The {aspect} is {a_pos_noun}.",
        "I {pos_verb} the {aspect}.",
        "{a_pos_adj} , {pos_adj2} {aspect}",
        "{intens} {pos_adj} {aspect}",
        "the {aspect} is nothing short of {pos_adj}",
        "far better than I expected, {intens} {pos_adj}",
        "full of {quality} and {quality2}",
        "the {aspect} has real {quality}",
        "{a_pos_noun} from start to finish",
        "exceeds expectations in every way",
        "a {kind} with {quality} and a {pos_adj} {aspect}",
        "I {pos_verb} every minute of it.",
        "This {kind} is {pos_adj}.",
        "This is {a_pos_noun}.",
        "This is exactly what I needed, and it is {pos_adj}.",
        "I think this is the best {kind} I have tried, and I have tried a lot of them.",
        "This is {a_pos_adj} {kind}. It does exactly what it promises, the {aspect} is {pos_adj2}, and it is worth it. I have recommended it to everyone I know.",
        "It was my first time with {brand} and it won't be the last. The {aspect} was {pos_adj}, it was all {intens} easy, and the {aspect2} is {pos_adj2}. A {pos_adj3} experience from start to finish.",
        "It is rare that I am this happy with a {kind}. {Good}. It is {pos_adj} and {pos_adj2}.",
    ],
    ("question", "neutral"): [
        "{Question}?",
        "Hi, {question}?",
        "Quick question: {question}?",
        "Hello {brand}, {question}?",
        "Can anyone tell me {question}?",
        "Does anyone know {question}?",
        "Hi there, I was wondering {question}.",
        "{Question}? Couldn't find it in the FAQ.",
        "Before I {task}: {question}?",
        "Good morning, {question}? Thanks in advance.",
        "Question for {staff}: {question}?",
        "{Question}? thx",
        "Hello, I hope you are well. I have a question about {thing} before I {task}: {question}? I looked through the help pages but could not find a clear answer. Many thanks in advance for your help.",
    ],
    ("question", "negative"): [
        "{Question}?? Been trying to find out for days and nobody answers.",
        "Seriously, {question}? Your website is useless.",
        "Third time asking: {question}?",
        "Why is it so hard to find out {question}?",
        "{Question}? The chat bot keeps sending me in circles.",
        "How is it acceptable that {it_bare} {slow}?",
        "Is anyone going to explain why {it_bare} {slow}?",
        "Can someone explain why {bad_other}?",
        "How hard is it to let me {task}? {Feature} {fail} again.",
        "What is going on? {Feature} {fail} and nobody answers.",
        "Why do I have to chase you every time? {Bill}.",
        "Still waiting for an answer. {Question}?",
        "Hello?? Anyone there? {Question}?",
    ],
    ("billing", "negative"): [
        "{Bill}. Fix this now.",
        "{Bill} and nobody will help me.",
        "{Bill}!! This is theft.",
        "Really angry: {bill}.",
        "{Bill}. I want my money back.",
        "{Brand}, {bill}. Unacceptable.",
        "So {bill}, and support just sends a template reply.",
        "Charged again?! {Bill}.",
        "Not happy. {Bill}.",
        "{Bill}. Cancelling as soon as this is sorted.",
        "Please refund me, {bill}.",
        "Wonderful, {bill}. Exactly what I needed this month.",
        "{Bill}, third email about it with no answer.",
        "I am extremely frustrated. {Bill}. I called twice, was on hold for ages, and each time I was promised it would be fixed within five working days. Nothing has happened. If this is not resolved this week I will file a formal complaint.",
    ],
    ("billing", "neutral"): [
        "{Bill_q}?",
        "Hi, {bill_q}?",
        "Quick billing question: {bill_q}?",
        "Hello, I'd like to know {bill_q}.",
        "{Bill_q}? I couldn't find it on the pricing page.",
        "Hi {brand}, {bill_q}? Thanks.",
        "About my invoice: {bill_q}?",
    ],
    ("billing", "positive"): [
        "Refund came through in two days, thank you!",
        "Billing mistake was fixed quickly and politely, thanks {staff}.",
        "Got my money back without any hassle. Great service from {brand}.",
        "The price is really fair for what you get.",
        "Thanks for sorting out the double charge so fast.",
        "Clear invoices, no hidden fees. Love it.",
        "{Staff} refunded the fee straight away, much appreciated.",
        "Honest pricing and the refund was instant 👍",
        "Best value for money I've found, and billing is painless.",
    ],
    ("performance", "negative"): [
        "{It} {slow}.",
        "{It} {slow}. Ridiculous.",
        "Why is it that {it_bare} {slow}?",
        "Honestly {it_bare} {slow}, it's unusable.",
        "So slow. {It} {slow}.",
        "{Brand} {slow}. Never again.",
        "Oh great, {it_bare} {slow} again. Love waiting.",
        "{It} {slow} and nobody seems to care.",
        "Every single time {it_bare} {slow}.",
        "It's not fast, it's not reliable, {it_bare} {slow}.",
        "ugh {it_bare} {slow}",
        "Terrible performance, {it_bare} {slow}.",
        "{Late} was delayed again and no one told us anything.",
        "{Late} is {hours} hours late. Again.",
        "Still waiting for {late}, {hours} days now.",
        "Nobody told us {late} was delayed. We waited {hours} hours.",
        "{Late} delayed {hours} hours, no explanation, no apology.",
        "{hours} hours waiting for {late}. Unbelievable.",
        "Why is {late} always late?",
        "I don't understand how {it_bare} can be this slow. Last week {it_bare} {slow}, and today it was just as bad. I've got better things to do than wait around. Fix it or I'm leaving.",
    ],
    ("performance", "positive"): [
        "{It} {fast}. Great job!",
        "Wow, {it_bare} {fast}.",
        "Impressed: {it_bare} {fast}.",
        "Finally, {it_bare} {fast}. Thanks!",
        "{Brand} {fast} 👏",
        "No more waiting, {it_bare} {fast}.",
        "{Late} was right on time, thank you!",
        "{Late} arrived early, great job.",
        "{Late} came exactly when you said it would. Thanks!",
        "{Late} was here on time and everything was in order.",
        "Really happy that {late} arrived a day earlier than promised.",
        "Thank you, {late} was right on schedule and {staff} kept me updated.",
        "Was slow before, but now {it_bare} {fast}.",
    ],
    ("performance", "neutral"): [
        "{It} {slow} sometimes, but it's usually fine.",
        "Speed is ok. Not great, not terrible.",
        "{It} is a bit slow in the evenings, otherwise average.",
        "Performance seems about the same as before the update.",
        "Sometimes {it_bare} {fast}, sometimes it doesn't. Hard to say.",
        "Average speed, nothing special either way.",
    ],
    ("other", "negative"): [
        "{Bad_other}.",
        "{Bad_other}. Really disappointed.",
        "Terrible experience, {bad_other}.",
        "{Bad_other} and nobody apologised.",
        "Never again. {Bad_other}.",
        "Not impressed with {brand}, {bad_other}.",
        "Worst experience ever, {bad_other}.",
        "{Bad_other}. {Staff} didn't care at all.",
        "Honestly awful: {bad_other}.",
        "I'm done with {brand}. {Bad_other}.",
        "{Bad_other}. What a joke.",
        "Not good. {Bad_other}.",
        "Fantastic, {bad_other}. Just what I wanted.",
        "{Bad_other}. Avoid.",
        "{Brand} is {neg_adj}.",
        "What {a_neg_adj} {kind}.",
        "The {aspect} was {intens} {neg_adj}.",
        "The {aspect} was {neg_adj} and the {aspect2} was {neg_adj2}.",
        "I hate the new {aspect}.",
        "The {aspect} is not {pos_adj} at all.",
        "The {aspect} isn't {pos_adj}, it's {neg_adj}.",
        "A complete waste of {waste}, the {aspect} was {neg_adj}.",
        "Save your money, the {aspect} is {neg_adj}.",
        "The worst {kind} I've had in years.",
        "{Neg_adj} {aspect}, {neg_adj2} {aspect2}.",
        "The {aspect} was {pos_adj}, but the {aspect2} was {intens} {neg_adj}.",
        "I wanted to like it, but the {aspect} is {neg_adj}.",
        "Never again. The {aspect} was {neg_adj}.",
        "Hard to recommend: the {aspect} felt {neg_adj}.",
        "Nothing about the {aspect} was {pos_adj}.",
        "the {aspect} is {neg_adj} , {neg_adj2} and {intens} {neg_adj3}",
        "{Brand} is {a_neg_noun}.",
        "The {aspect} is {a_neg_noun}.",
        "I {neg_verb} the {aspect}.",
        "{a_neg_adj} , {neg_adj2} {aspect}",
        "{intens} {neg_adj} {aspect}",
        "the {aspect} is far from {pos_adj}",
        "the {aspect} lacks any {quality}",
        "no {quality} , no {quality2} , nothing",
        "too {neg_adj} to recommend",
        "{a_neg_noun} from start to finish",
        "falls short in every way",
        "a {kind} without {quality} and a {neg_adj} {aspect}",
        "I {neg_verb} every minute of it.",
        "{Staff} was rude and unhelpful.",
        "The {aspect} and the {aspect2} were both {neg_adj}.",
        "The {aspect} was {neg_adj}, the {aspect2} even worse.",
        "{Good}, but {bad_other}. Not coming back.",
        "I wanted to like the {aspect}, but {bad_other}.",
        "The {aspect} looked {pos_adj} online, but in reality it was {neg_adj}.",
        "Our {aspect} was {neg_adj} and {staff} were no help at all.",
        "The {aspect} were {neg_adj} and nobody seemed to care.",
        "Honestly, the {aspect} is {neg_adj}. {Bad_other}.",
        "Everything about the {aspect} was {neg_adj}: {bad_other}.",
        "{Staff} were {neg_adj} with everyone and the {aspect} was {neg_adj2}.",
        "We paid for good {aspect} and got {a_neg_adj} one.",
        "The {aspect} used to be {pos_adj}, but now it is {neg_adj}.",
        "Not happy with {thing}, {bad_other}.",
        "Where do I even start. {Bad_other}, {staff} shrugged it off, and when I asked for a manager I was told to write an email. I have never felt so ignored as a customer. Won't be back.",
    ],
    ("other", "neutral"): [
        "{Neutral_other}.",
        "{Neutral_other}. Nothing special to report.",
        "{Neutral_other}, it was ok.",
        "{Neutral_other}. It's fine, does the job.",
        "{Neutral_other}. Average experience overall.",
        "Not bad, not great. {Neutral_other}.",
        "{Neutral_other}. Will see how it goes.",
        "{Neutral_other}. No strong feelings either way.",
        "It was okay. {Neutral_other}.",
        "{Neutral_other}. Some good, some bad.",
        "The {aspect} was {neu_adj}.",
        "The {aspect} is {neu_adj}, nothing more, nothing less.",
        "{Aspect}: {neu_adj}. {Aspect2}: {neu_adj2}.",
        "The {kind} is {neu_adj}.",
        "Some parts were {pos_adj}, others {neg_adj}. Overall {neu_adj}.",
        "The {aspect} was neither {pos_adj} nor {neg_adj}, just {neu_adj}.",
        "{Neutral_other}. Overall it was an average experience: a few things worked well, a few didn't, and nothing stood out enough to write home about.",
    ],
    ("other", "positive"): [
        "{Neutral_other} and it was a lovely experience.",
        "{Neutral_other}. Would happily come back.",
        "{Neutral_other}, everything went smoothly.",
        "{Neutral_other}. Pleasant surprise, no complaints.",
        "The {aspect} was {neg_adj}, but the {aspect2} was {intens} {pos_adj}.",
        "Not perfect, but the {aspect} was {pos_adj} and I'd go again.",
        "Had my doubts about the {aspect}, but it turned out {pos_adj}.",
    ],
}

# Short, hand-written comments that don't fit the slot scheme: tweets, one-liners, survey answers.
STANDALONE = [
    ("worst app ever", "negative", "other"),
    ("meh, it's okay", "neutral", "other"),
    ("it's fine i guess", "neutral", "other"),
    ("love it so much!!!", "positive", "praise"),
    ("just not working", "negative", "bug report"),
    ("still not working 😡", "negative", "bug report"),
    ("page doesn't load", "negative", "bug report"),
    ("So far so good", "positive", "praise"),
    ("Does what it says", "positive", "praise"),
    ("no complaints here", "positive", "praise"),
    ("not great, not terrible", "neutral", "other"),
    ("could be better", "negative", "other"),
    ("pretty average tbh", "neutral", "other"),
    ("absolute garbage, avoid", "negative", "other"),
    ("thank you so much!!", "positive", "praise"),
    ("waste of money", "negative", "billing"),
    ("Too expensive for what it is", "negative", "billing"),
    ("cancel my subscription please", "neutral", "billing"),
    ("where is my refund", "negative", "billing"),
    ("how do I reset my password?", "neutral", "question"),
    ("what time do you open on sunday?", "neutral", "question"),
    ("Is this available in black?", "neutral", "question"),
    ("any update on my order?", "neutral", "question"),
    ("slow slow slow", "negative", "performance"),
    ("super fast, thanks", "positive", "performance"),
    ("so much lag everywhere", "negative", "performance"),
    ("Works great now", "positive", "praise"),
    ("I've had better", "negative", "other"),
    ("not bad honestly", "positive", "praise"),
    ("not bad at all actually", "positive", "praise"),
    ("not the worst, not the best", "neutral", "other"),
    ("Nothing to add really.", "neutral", "other"),
    ("N/A, all good", "positive", "praise"),
    ("ok, nothing special", "neutral", "other"),
    ("fine, does the job", "neutral", "other"),
    ("Please add dark mode!", "neutral", "feature request"),
    ("dark mode when?", "neutral", "feature request"),
    ("Support never answers my emails.", "negative", "other"),
    ("The app keeps crashing and support never answers", "negative", "bug report"),
    ("The website is down again", "negative", "bug report"),
    ("Can't log in since this morning", "negative", "bug report"),
    ("I hate the new update", "negative", "other"),
    ("The new update is awesome", "positive", "praise"),
    ("thanks for the quick fix", "positive", "praise"),
    ("you guys rock 🤘", "positive", "praise"),
    ("Totally useless customer service", "negative", "other"),
    ("Refund me please", "negative", "billing"),
    ("Why was I charged twice?", "negative", "billing"),
    ("Fast delivery, good product", "positive", "praise"),
    ("Arrived completely broken", "negative", "other"),
    ("my order never arrived", "negative", "other"),
    ("Missing item in my order", "negative", "other"),
    ("Flight delayed again. Of course.", "negative", "performance"),
    ("Lost my bag. Again.", "negative", "other"),
    ("Staff were really helpful", "positive", "praise"),
    ("Room was clean and quiet", "positive", "praise"),
    ("Food was okay, service slow", "negative", "performance"),
    ("Decent coffee, average cake", "neutral", "other"),
    ("Really cool app 👍", "positive", "praise"),
    ("it crashes when i open the camera", "negative", "bug report"),
    ("error 500 on checkout", "negative", "bug report"),
    ("Can you add Google Pay?", "neutral", "feature request"),
    ("when is the sale starting?", "neutral", "question"),
    ("Do you deliver to Ireland?", "neutral", "question"),
    ("Not happy at all", "negative", "other"),
    ("Not what I ordered", "negative", "other"),
    ("I don't have any issues with it", "positive", "praise"),
    ("I wouldn't recommend it to anyone", "negative", "other"),
    ("I would definitely recommend this", "positive", "praise"),
    ("Not recommended at all", "negative", "other"),
    ("Highly recommended, thanks!", "positive", "praise"),
    ("It never fails me", "positive", "praise"),
    ("it never works when I need it", "negative", "bug report"),
    ("yeah right, 'fast' delivery 🙄", "negative", "performance"),
    ("Thanks for nothing", "negative", "other"),
    ("Great job ruining a perfectly good app", "negative", "other"),
    ("No issues so far", "positive", "praise"),
    ("All good, thanks", "positive", "praise"),
    ("survey: 3/10, slow and buggy", "negative", "performance"),
    ("survey: 9/10, friendly staff", "positive", "praise"),
    ("survey: 5/10, it was ok", "neutral", "other"),
    ("Rate: 1 star. Nothing works.", "negative", "bug report"),
    ("your app and website are trash", "negative", "bug report"),
    ("smh, still no call back", "negative", "performance"),
    ("Not your finest moment today.", "negative", "other"),
    ("You honestly can't make this up.", "negative", "other"),
    ("Good job, really. Two hours on the tarmac and no water.", "negative", "performance"),
    ("wtf is going on with my booking", "negative", "question"),
    ("No one picks up the phone. Ever.", "negative", "performance"),
    ("I'm shocked at how little you care about your customers.", "negative", "other"),
    ("Missed my connection because of your delay. Now stuck overnight.", "negative", "performance"),
    ("Third cancelled flight this month. Done with you.", "negative", "other"),
    ("Still no bag, still no answer.", "negative", "other"),
    ("Two hours on hold just to be disconnected", "negative", "performance"),
    ("Gate agent could not have cared less", "negative", "other"),
    ("Thanks for stranding us in Denver 🙃", "negative", "other"),
    ("Amazing how you manage to lose my luggage every single time", "negative", "other"),
    ("So disappointed with the way this was handled", "negative", "other"),
    ("I regret buying this", "negative", "other"),
    ("This is the last time I order from you", "negative", "other"),
    ("Stop sending me emails, I unsubscribed twice", "negative", "other"),
    ("the update broke everything lol", "negative", "bug report"),
    ("You guys are the best, thanks for getting me home", "positive", "praise"),
    ("Smooth flight, friendly crew, landed early. Perfect.", "positive", "praise"),
    ("Thank you for the quick rebooking, lifesaver!", "positive", "praise"),
    ("Love flying with you, never a bad experience", "positive", "praise"),
    ("Best customer service I've had in ages", "positive", "praise"),
    ("What a pleasant surprise, everything just worked", "positive", "praise"),
    ("Got upgraded for free, made my day 😊", "positive", "praise"),
    ("Really appreciate the honest answer", "positive", "praise"),
    ("Big fan of the new design", "positive", "praise"),
    ("Great value and super comfy", "positive", "praise"),
    ("Thanks, that solved it!", "positive", "praise"),
    ("Happy customer here, keep it up", "positive", "praise"),
    ("Is the flight to Boston on time tonight?", "neutral", "question"),
    ("Do I need to print my boarding pass?", "neutral", "question"),
    ("Heading to the airport now", "neutral", "other"),
    ("First time flying with you tomorrow", "neutral", "other"),
    ("Just placed my first order", "neutral", "other"),
    ("Saw the ad on TV last night", "neutral", "other"),
    ("Will the store be open on the holiday?", "neutral", "question"),
    ("Following up on my email from Monday", "neutral", "question"),
    ("I'd like to change my delivery address please", "neutral", "question"),
    ("Any news on the new version?", "neutral", "question"),
    ("Switching to the annual plan next month", "neutral", "billing"),
]

OPENERS = {
    "negative": ["", "", "", "", "Ugh. ", "Honestly, ", "Wow. ", "Seriously, ", "Not impressed. ", "Sigh. ",
                 "This is a joke. ", "Hi, ", "To whom it may concern, ", "Day 3 of this: "],
    "neutral": ["", "", "", "", "Hi, ", "Hello, ", "Hey, ", "Hi team, ", "Good afternoon, ", "Dear support, ",
                "Quick note: ", "Hi all, "],
    "positive": ["", "", "", "", "Wow, ", "Honestly, ", "Just wanted to say: ", "Hey team! ", "Update: ",
                 "Shout out: ", "Hi! "],
}
CLOSERS = {
    "negative": ["", "", "", "", " Very disappointed.", " Sort it out.", " Not good enough.", " 1 star.",
                 " Cancelling soon.", " Thanks for nothing.", " Fix it.", " What a mess.", " Regards, a frustrated customer."],
    "neutral": ["", "", "", "", " Thanks.", " Thanks in advance.", " Cheers.", " Kind regards.", " Best,", " Thx.", " Regards."],
    "positive": ["", "", "", "", " Thanks!", " Keep it up!", " 5 stars.", " Cheers!", " Will recommend.",
                 " Great job.", " Thank you so much."],
}
EMOJI = {
    "negative": ["😡", "😤", "👎", "🙄", "😞", "💀", "🤬", "😠"],
    "neutral": ["🤔", "🙂", "🙏", "👀"],
    "positive": ["😍", "👍", "🙌", "❤️", "😊", "🎉", "⭐⭐⭐⭐⭐", "💯"],
}
HASHTAGS = {
    "negative": ["#fail", "#disappointed", "#neveragain", "#worstservice", "#notimpressed"],
    "neutral": ["#help", "#question", "#customerservice", "#travel", "#info"],
    "positive": ["#happycustomer", "#thankyou", "#love", "#recommended", "#bestservice"],
}
MISSPELLINGS = {
    "definitely": "definately", "receive": "recieve", "because": "becuase", "really": "realy",
    "the": "teh", "doesn't": "doesnt", "can't": "cant", "won't": "wont", "I'm": "im", "separate": "seperate",
    "until": "untill", "which": "wich", "though": "tho", "please": "pls", "you": "u", "thanks": "thx",
    "annoying": "anoying", "disappointed": "dissapointed", "refund": "refnd", "again": "agian",
}
YEARS = ["2024", "2025", "2026"]


def cap(text):
    return text[0].upper() + text[1:] if text else text


def bare(phrase):
    """'the app' -> 'app' so templates can write 'your {feature_bare}'."""
    return re.sub(r"^(the|this|your|my|our) ", "", phrase)


def req_ing(req):
    """'add a dark mode' -> 'adding a dark mode' for 'Only thing missing: ...'."""
    verb, _, rest = req.partition(" ")
    if verb.endswith("e") and verb not in ("see",):
        ing = verb[:-1] + "ing"
    elif verb in ("let", "put", "get"):
        ing = verb + verb[-1] + "ing"
    else:
        ing = verb + "ing"
    return f"{ing} {rest}".strip()


def req_past(req):
    """'add a dark mode' -> 'added a dark mode' after 'would love it if you'."""
    irregular = {"let": "let", "bring": "brought", "give": "gave", "send": "sent", "show": "showed",
                 "open": "opened", "offer": "offered", "list": "listed", "have": "had"}
    verb, _, rest = req.partition(" ")
    past = irregular.get(verb) or (verb + "d" if verb.endswith("e") else verb + "ed")
    return f"{past} {rest}".strip()


def fail_bare(fail):
    """'keeps crashing' -> 'keep crashing' after 'why does X ...'/'X still ...'."""
    verb, _, rest = fail.partition(" ")
    fixes = {"keeps": "keep", "shows": "show", "logs": "log", "throws": "throw", "does": "do", "crashes": "crash",
             "duplicates": "duplicate", "resets": "reset", "returns": "return", "times": "time", "drops": "drop",
             "silently": "silently", "breaks": "break", "loses": "lose", "fails": "fail", "hangs": "hang",
             "rejects": "reject", "says": "say", "charges": "charge", "loops": "loop", "sends": "send",
             "closes": "close", "gives": "give", "hasn't": "haven't", "declined": "get declined",
             "stopped": "stop", "has": "have", "kept": "keep", "crashed": "crash", "showed": "show",
             "never": "never", "didn't": "not", "lost": "lose", "was": "be", "made": "make", "won't": "not",
             "is": "be", "charged": "charge"}
    if verb in fixes:
        return f"{fixes[verb]} {rest}".strip()
    return fail


def fill(template, domain, rng):
    d = DOMAINS[domain]
    pick = lambda key: rng.choice(d[key])
    values = {}
    for key in ("brand", "it", "feature", "task", "fail", "slow", "fast", "req", "question", "bill", "bill_q",
                "good", "bad_other", "neutral_other", "staff", "thing"):
        values[key] = pick(key)
    for key in ("aspect", "kind"):
        values[key] = pick(key)
    values["aspect2"] = rng.choice([a for a in d["aspect"] if a != values["aspect"]])
    for key, words in LEXICON.items():
        first, second, third = rng.sample(words, 3)
        values[key], values[key + "2"], values[key + "3"] = first, second, third
    values["feature2"] = pick("feature")
    values["fail2"] = pick("fail")
    values["req2"] = pick("req")
    values["good2"] = pick("good")
    values["feature_bare"] = bare(values["feature"])
    values["it_bare"] = values["it"]
    values["req_ing"] = req_ing(values["req"])
    values["req_past"] = req_past(values["req"])
    values["fail_bare"] = fail_bare(values["fail"])
    values["year"] = rng.choice(YEARS)

    def replace(match):
        key = match.group(1)
        if key.lower().startswith("a_"):
            word = values[key.lower()[2:]]
            value = ("an " if word[0] in "aeiou" else "a ") + word
        else:
            value = values[key.lower()]
        return cap(value) if key[0].isupper() else value

    text = re.sub(r"\{([A-Za-z_0-9]+)\}", replace, template)
    # "Your your app" style doubles and "the the" from slot joins.
    text = re.sub(r"\b(the|your|my) (the|your|my) ", r"\1 ", text, flags=re.IGNORECASE)
    return text, values["brand"]


def typo(word, rng):
    if word in MISSPELLINGS:
        return MISSPELLINGS[word]
    if len(word) > 4 and word.isalpha():
        i = rng.randrange(1, len(word) - 2)
        if rng.random() < 0.5:
            return word[:i] + word[i + 1] + word[i] + word[i + 2:]
        return word[:i] + word[i + 1:]
    return word


def handle(brand):
    return "@" + re.sub(r"[^A-Za-z0-9]", "", brand.title() if brand.islower() else brand)


def vary(text, sentiment, brand, rng):
    """Register: opener, closer, emoji, hashtags, @handles, casing, typos. Keeps the label's meaning intact."""
    if rng.random() < 0.45:
        opener = rng.choice(OPENERS[sentiment])
        greeting = re.match(r"(hi|hello|hey|dear|good|quick|honestly|wow|seriously|ugh)\b", text, re.IGNORECASE)
        if opener and not greeting:
            keep_case = text.startswith("I ") or opener.rstrip().endswith((".", "!", ":"))
            text = opener + (text if keep_case else text[0].lower() + text[1:])
    if rng.random() < 0.45:
        text = text.rstrip() + rng.choice(CLOSERS[sentiment])
    if rng.random() < 0.18:
        text = text + " " + rng.choice(EMOJI[sentiment])
    if rng.random() < 0.05:
        text = text + " " + rng.choice(HASHTAGS[sentiment])
    if rng.random() < 0.1:
        text = handle(brand) + " " + text
    if rng.random() < 0.2:
        words = text.split(" ")
        for _ in range(rng.choice([1, 1, 2])):
            i = rng.randrange(len(words))
            words[i] = typo(words[i], rng)
        text = " ".join(words)
    roll = rng.random()
    if roll < 0.15:
        text = text.lower()
    elif roll < 0.19 and sentiment == "negative":
        text = text.upper()
    elif roll < 0.25:
        text = text.rstrip(".")
    if sentiment == "negative" and rng.random() < 0.1:
        text = text.rstrip(".!") + rng.choice(["!!", "!!!", "?!", "..."])
    return re.sub(r"\s+", " ", text).strip()


# Cell weights: roughly 40% negative, 27% neutral, 33% positive; categories between 9% and 20%.
WEIGHTS = {
    ("bug report", "negative"): 12, ("bug report", "neutral"): 4,
    ("feature request", "neutral"): 8, ("feature request", "positive"): 3, ("feature request", "negative"): 3,
    ("praise", "positive"): 28,
    ("question", "neutral"): 9, ("question", "negative"): 5,
    ("billing", "negative"): 9, ("billing", "neutral"): 4, ("billing", "positive"): 2,
    ("performance", "negative"): 9, ("performance", "positive"): 4, ("performance", "neutral"): 2,
    ("other", "negative"): 11, ("other", "neutral"): 9, ("other", "positive"): 6,
}


def generate(seed=SEED, target=TARGET_ROWS):
    rng = random.Random(seed)
    rows, seen = [], set()

    def add(text, sentiment, category):
        key = re.sub(r"\W+", " ", text.lower()).strip()
        words = len(text.split())
        if key in seen or not (3 <= words <= 60):
            return
        seen.add(key)
        rows.append((text, sentiment, category))

    for text, sentiment, category in STANDALONE:
        add(text, sentiment, category)
    cells = list(WEIGHTS)
    weights = [WEIGHTS[c] for c in cells]
    domains = sorted(DOMAINS)
    attempts = 0
    while len(rows) < target and attempts < target * 50:
        attempts += 1
        category, sentiment = rng.choices(cells, weights)[0]
        domain = rng.choice(domains)
        template = rng.choice(TEMPLATES[(category, sentiment)])
        text, brand = fill(template, domain, rng)
        text = vary(text, sentiment, brand, rng)
        add(text, sentiment, category)
    app_rng = random.Random(seed + 1)
    app_rows = app_reviews.generate(seed + 1, APP_REVIEW_ROWS)
    app_rows += app_reviews.generate_long(app_rng) + app_reviews.generate_mixed(app_rng, APP_REVIEW_MIXED)
    for text, sentiment, category in app_rows:
        add(text, sentiment, category)
    for text, sentiment, category in reviews.generate(seed + 2, REVIEW_ROWS):
        add(text, sentiment, category)
    for text, sentiment, category in calm_complaints.generate(seed + 3, CALM_COMPLAINT_ROWS):
        add(text, sentiment, category)
    rng.shuffle(rows)
    return rows


def to_csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["text", "sentiment", "category"])
    writer.writerows(rows)
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail when feedback.csv differs from a fresh build")
    parser.add_argument("--out", default=str(Path(__file__).with_name("feedback.csv")))
    args = parser.parse_args()
    content = to_csv(generate())
    out = Path(args.out)
    if args.check:
        if not out.exists() or out.read_text(encoding="utf-8") != content:
            print(f"{out} is stale: run data/builtin/generate.py", file=sys.stderr)
            return 1
        return 0
    out.write_text(content, encoding="utf-8")
    print(f"wrote {out} ({content.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
