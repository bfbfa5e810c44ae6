"""App-store review sentences for the built-in corpus (data/builtin/feedback.csv).

Written by hand for Orleans.Sentiment (CC0, like the rest of the corpus): the app names are invented, and every
template, slot value and standalone sentence below was written for this project, not taken from a data set.

Why this part exists: the customer-service comments of generate.py name a problem, a request, a question or a
charge in almost every row, so a model trained on them alone calls most ordinary app-review sentences a bug report
or a feature request. Real reviews are mostly something else: praise ("so addictive"), descriptions of use ("I keep
all my receipts in it"), opinions about a feature or an update, comparisons and plain statements. This module writes
those, labelled praise or other, next to bug reports and feature requests phrased the many ways app users phrase
them ("it won't let me...", "since the update it crashes", "please add...", "would be nice if..."), and sentences
that use the words of a complaint or a request without being one ("I can't stop playing", "I wish I'd found it
sooner", "it never crashes").

Rows are (text, sentiment, category), deterministic for a seed. generate.py adds them to the corpus.
"""
import random
import re

# -------------------------------------------------------------------------------------------------
# App kinds. Each list must read naturally in the templates' slots:
#   content   plural noun ("my {content} are gone")           feature  noun phrase with article
#   action    verb phrase after "I can't" / "every time I"     want     verb phrase after "an option to"
#   want_noun noun phrase after "please add"                   use      verb phrase after "I use it to"
#   good      clause praising the app                          meh      clause criticising it (no bug, no request)
#   old       a feature that an update removed ("bring back {old}")
# -------------------------------------------------------------------------------------------------
APPS = {
    "notes": dict(
        name=["Notewell", "Jotter", "PaperTrail", "Inkpad"],
        kind=["note app", "notes app", "note-taking app"],
        content=["notes", "notebooks", "checklists", "voice memos"],
        feature=["the search", "the sync", "the editor", "the web clipper", "the reminders", "the tags",
                 "the handwriting tool", "the offline notebooks", "the note list"],
        action=["open my notes", "sync my notebooks", "attach a photo to a note", "search my notes", "save a note",
                "edit a checklist", "share a notebook", "log in", "open a notebook on my iPad"],
        want=["change the font size", "sort notes by date created", "lock a single note with a PIN",
              "export a notebook as a PDF", "put notebooks inside other notebooks", "see the word count",
              "add tables to a note", "use offline notebooks on the free plan", "print a checklist"],
        want_noun=["a dark mode", "nested notebooks", "a word count", "proper tables", "a PIN lock for single notes",
                   "more fonts", "export to Markdown", "search inside handwriting", "a calendar view"],
        use=["keep my recipes", "plan my week", "take notes in lectures", "keep receipts for my taxes",
             "write down ideas before I forget them", "keep track of my kids' appointments"],
        good=["the search finds everything", "it syncs between my phone and my laptop",
              "the web clipper saves me hours", "everything I need is in one place",
              "it keeps my whole life organised"],
        meh=["the editor is a bit basic", "it has become bloated over the years",
             "the premium plan is pushed on every screen", "the new note list looks cluttered"],
        old=["the old list view", "the simple editor", "the note counter"],
    ),
    "storage": dict(
        name=["Boxly", "CloudCrate", "FileHarbor", "Stashbox"],
        kind=["cloud storage app", "file sharing app", "backup app"],
        content=["files", "photos", "documents", "folders", "videos"],
        feature=["camera upload", "the PDF viewer", "the file preview", "the share link", "the offline files",
                 "the favourites", "the folder sync", "the upload queue"],
        action=["open a PDF", "upload a video", "download a file", "share a folder", "open excel files",
                "preview a photo", "move files between folders", "see my shared folders", "rename a file"],
        want=["sort files by upload date", "choose which photos get uploaded", "download a whole folder at once",
              "rename files from the phone", "set a password on a share link", "see older versions of a file",
              "resize the file list", "upload in the background"],
        want_noun=["folder downloads", "password-protected links", "a grid view for photos",
                   "selective camera upload", "version history in the app", "a trash bin on mobile",
                   "bulk rename"],
        use=["back up all my photos", "share files with my team", "move documents between my work and home computer",
             "keep my music library", "send large videos to clients", "keep copies of important papers"],
        good=["my files are always there when I need them", "it backs up every photo automatically",
              "sharing a folder takes two taps", "it saved me when my laptop died",
              "I can get to my documents from any device"],
        meh=["the free space is tiny", "the photo view is clumsy", "it nags me to upgrade all the time",
             "the new design hides the settings"],
        old=["the old photo grid", "the upload button", "the list view"],
    ),
    "game": dict(
        name=["Rocket Rumble", "Candy Crusade", "Tower Tumble", "Pixel Farm", "Word Quest"],
        kind=["game", "puzzle game", "time waster"],
        content=["levels", "stars", "coins", "saved games", "gems"],
        feature=["the new level pack", "the sound", "the leaderboard", "the daily challenge", "the power-ups",
                 "the level map", "the music", "the tutorial"],
        action=["play the new levels", "get past the loading screen", "restore my purchases", "connect to Game Center",
                "start a new game", "collect my daily reward", "open the level map", "finish level 12"],
        want=["skip a level after ten tries", "play offline", "turn off the music but keep the sound effects",
              "sync progress between my phone and tablet", "replay old episodes", "play with friends",
              "undo the last move"],
        want_noun=["more levels", "an offline mode", "cloud saves", "a level editor", "multiplayer",
                   "an option to remove ads", "a hint button", "new worlds"],
        use=["pass the time on the bus", "relax after work", "play with my kids", "wind down before bed"],
        good=["the levels are clever", "it is so addictive", "the graphics are gorgeous", "the new characters are hilarious",
              "every level feels fresh", "the music is catchy"],
        meh=["the new levels are way too hard", "it is not as fun as the first one", "there are ads after every level",
             "they turned a fun game into a money grab", "it gets repetitive after a while",
             "the new power-ups make it too easy"],
        old=["the aiming guide", "the old levels", "the classic mode"],
    ),
    "messaging": dict(
        name=["ChatterUp", "Pingo", "TalkTide", "Hallo"],
        kind=["messenger", "chat app", "messaging app"],
        content=["messages", "chats", "contacts", "voice notes", "group chats"],
        feature=["the notifications", "the voice calls", "the group chat", "the backup", "the camera",
                 "the status updates", "the read receipts", "the emoji keyboard"],
        action=["send a message", "send pictures", "make a call", "restore my chat history", "add a contact",
                "open a group chat", "send a voice note", "verify my number"],
        want=["send a message to several groups at once", "hide my last seen time", "schedule a message",
              "use it on my tablet", "pin more chats", "search inside a chat", "send larger videos"],
        want_noun=["a tablet version", "video calls", "message scheduling", "themes", "a desktop app",
                   "stickers", "end-to-end encrypted backups"],
        use=["keep in touch with family abroad", "talk to my friends for free", "organise the school run",
             "share photos with my family"],
        good=["it is fast and free", "calls are crystal clear", "my whole family is on it",
              "messages go through instantly", "it is simple enough for my grandma"],
        meh=["the new status feature is pointless", "the chat colours are ugly now",
             "it asks for access to all my contacts"],
        old=["the old status", "the simple camera", "the old emoji"],
    ),
    "photo": dict(
        name=["PicLab", "Snapcraft", "Filtro", "LumaEdit"],
        kind=["photo editor", "photo app", "editing app"],
        content=["photos", "edits", "collages", "drafts", "stickers"],
        feature=["the crop tool", "the filters", "the collage maker", "the save button", "the clipart",
                 "the text tool", "the brush", "the export"],
        action=["save my edits", "add text to a photo", "open my drafts", "export in full resolution",
                "apply more than one filter", "download clipart", "share to Instagram", "undo a change"],
        want=["save in full resolution", "edit several photos at once", "move a sticker after placing it",
              "save a filter as a preset", "change the text colour", "work in landscape"],
        want_noun=["more fonts", "layers", "a curves tool", "presets", "RAW support", "a before and after view",
                   "an eraser for stickers"],
        use=["edit photos for my blog", "make birthday cards", "fix my holiday pictures", "make collages for my mum"],
        good=["the filters are beautiful", "it is so easy to use", "it has every tool I need", "my pictures look amazing",
              "the effects are stunning"],
        meh=["the interface is cluttered", "half the tools are paid", "the watermark is annoying"],
        old=["the old effects", "the free fonts", "the old layout"],
    ),
    "pinboard": dict(
        name=["Pinspire", "IdeaBoard", "Moodwall"],
        kind=["app", "ideas app", "inspiration app"],
        content=["pins", "boards", "saved ideas", "followers"],
        feature=["the home feed", "the search", "the board covers", "the repin button", "the notifications",
                 "the recipe pins", "the group boards"],
        action=["repin something", "open a pin", "edit a board", "see my boards", "upload a pin",
                "follow a board", "scroll my feed"],
        want=["make sub-boards", "sort my pins", "hide promoted pins",
              "move several pins at once", "see who repinned my pins"],
        want_noun=["sub-boards", "secret boards on mobile", "a way to sort pins", "folders for boards",
                   "a night mode"],
        use=["find recipes", "plan our wedding", "collect craft ideas", "find outfit ideas", "plan my garden"],
        good=["there are endless ideas", "I find a new recipe every day", "it is so inspiring",
              "it is a great way to waste an afternoon", "the ideas are fantastic"],
        meh=["the feed is full of ads now", "it is too addictive for my own good", "the new layout is confusing"],
        old=["the old layout", "the like button", "the classic feed"],
    ),
    "travel": dict(
        name=["TripTales", "Wanderly", "StayScout"],
        kind=["travel app", "travel guide", "hotel app"],
        content=["reviews", "saved trips", "photos", "bookings", "maps"],
        feature=["the map", "the hotel search", "the reviews", "the offline maps", "the price filter",
                 "the back button", "the booking page", "the near me search"],
        action=["search for hotels", "see the reviews", "book a room", "download a city guide",
                "write a review", "open the map", "see my saved trips"],
        want=["filter restaurants by cuisine", "sort hotels by price", "save maps for offline use",
              "see the reviews in my language", "vote for helpful reviews", "compare two hotels side by side"],
        want_noun=["offline maps", "a price alert", "a currency converter", "a filter for pet-friendly hotels",
                   "a trip planner"],
        use=["plan our holidays", "find places to eat when I travel", "check hotels before I book",
             "find things to do with the kids"],
        good=["the reviews are honest", "it found us a great little hotel", "I never travel without it",
              "the restaurant tips are spot on"],
        meh=["the prices rarely match the hotel's own site", "it is full of sponsored listings",
             "the reviews feel fake lately"],
        old=["the old map", "the restaurant website link", "the check-in option"],
    ),
    "fitness": dict(
        name=["FitTrack", "RunPal", "StepUp", "Pulse"],
        kind=["fitness app", "running app", "workout app"],
        content=["workouts", "runs", "steps", "routes", "stats"],
        feature=["the GPS tracking", "the step counter", "the heart rate sync", "the workout history",
                 "the watch app", "the audio coach", "the weekly summary"],
        action=["record a run", "sync with my watch", "see my history", "start a workout",
                "connect to my heart rate monitor", "save a route"],
        want=["export my runs as GPX", "set custom intervals", "see my pace per lap", "hide my routes from others",
              "log workouts manually"],
        want_noun=["interval training", "a dark mode", "a widget", "swimming workouts", "training plans",
                   "a yearly summary"],
        use=["track my morning runs", "keep me motivated", "log my gym sessions", "count my steps"],
        good=["it keeps me motivated", "the stats are really detailed", "the plans are easy to follow",
              "I lost ten kilos with it"],
        meh=["the free version is very limited", "it is a bit too social for me", "the new icons are ugly"],
        old=["the old stats page", "the free plans", "the lap button"],
    ),
    "banking": dict(
        name=["PocketBank", "Coinly", "Ledgerleaf"],
        kind=["banking app", "budget app", "money app"],
        content=["transactions", "statements", "payments", "savings goals"],
        feature=["the fingerprint login", "the transfer screen", "the statements", "the card freeze",
                 "the budget view", "the notifications"],
        action=["log in", "make a transfer", "see my balance", "download a statement", "pay a bill",
                "add a new payee"],
        want=["split a bill with friends", "tag my transactions", "set a budget per category",
              "see pending payments", "export to a spreadsheet"],
        want_noun=["Apple Pay", "a dark mode", "spending charts", "joint accounts", "round-up savings"],
        use=["keep an eye on my spending", "pay my rent", "check my balance", "save for holidays"],
        good=["it is quick and secure", "I can do everything without going to a branch",
              "the budget view opened my eyes", "paying someone takes seconds"],
        meh=["the design is dated", "it logs me out too quickly for my taste", "there are too many menus"],
        old=["the old home screen", "the quick balance", "the simple login"],
    ),
    "music": dict(
        name=["TuneBox", "Songbird", "Wavelength"],
        kind=["music app", "radio app", "podcast app"],
        content=["playlists", "downloads", "podcasts", "songs", "albums"],
        feature=["the offline mode", "the shuffle", "the lyrics", "the sleep timer", "the car mode",
                 "the equaliser", "the lock screen controls"],
        action=["play my downloads", "make a playlist", "stream over Bluetooth", "skip a song",
                "download an episode", "cast to my speaker"],
        want=["sort playlists by date added", "hide songs I don't like", "speed up podcasts",
              "play in the background on the free plan", "queue a whole album"],
        want_noun=["a sleep timer", "lyrics", "a car mode", "gapless playback", "an equaliser"],
        use=["listen on my commute", "fall asleep to podcasts", "find new music", "play music at work"],
        good=["the recommendations are spot on", "the sound quality is great", "it has every song I want",
              "the playlists are perfect for running"],
        meh=["there are too many ads on the free plan", "the new layout is cluttered",
             "the recommendations are always the same"],
        old=["the old shuffle", "the offline tab", "the simple player"],
    ),
    "email": dict(
        name=["Mailbird", "Inboxer", "Postly"],
        kind=["email app", "mail app"],
        content=["emails", "attachments", "folders", "accounts"],
        feature=["the unified inbox", "the push notifications", "the search", "the attachments",
                 "the signature editor", "the swipe actions"],
        action=["open attachments", "send an email", "add my work account", "search my mail", "see my folders"],
        want=["snooze emails", "schedule an email", "set a different signature per account", "mark all as read"],
        want_noun=["a unified inbox", "snooze", "send later", "rules", "a dark mode"],
        use=["manage three accounts", "keep up with work mail", "sort my inbox"],
        good=["it keeps my inbox under control", "the swipe actions are handy", "it is fast and clean"],
        meh=["the icons are hard to read", "it shows too many promotions"],
        old=["the old swipe menu", "the classic inbox"],
    ),
    "delivery": dict(
        name=["Mealio", "Dishdash", "GrubRun"],
        kind=["delivery app", "food app", "takeaway app"],
        content=["orders", "favourites", "saved addresses", "vouchers"],
        feature=["the checkout", "the order tracking", "the voucher box", "the map", "the payment screen"],
        action=["place an order", "add a voucher", "track my order", "pay with my card", "change my address"],
        want=["filter by dietary needs", "schedule an order for later", "save more than one card",
              "reorder a past order"],
        want_noun=["a vegan filter", "group orders", "scheduled orders", "tipping in the app"],
        use=["order lunch at work", "get dinner on a Friday night", "find new places to eat"],
        good=["ordering takes a minute", "there are loads of restaurants", "the tracking is spot on"],
        meh=["the fees keep going up", "half the restaurants are always closed"],
        old=["the old search", "the simple checkout"],
    ),
    "learning": dict(
        name=["Lingua Leap", "WordWise", "StudyBuddy"],
        kind=["language app", "learning app"],
        content=["lessons", "streaks", "flashcards", "courses"],
        feature=["the speaking exercises", "the streak counter", "the flashcards", "the listening lessons",
                 "the daily reminder"],
        action=["finish a lesson", "use the microphone exercises", "see my progress", "download a course"],
        want=["review old lessons", "turn off the speaking exercises", "choose the lesson length",
              "practise offline"],
        want_noun=["more languages", "grammar notes", "an offline mode", "a dark mode", "harder levels"],
        use=["learn Spanish before our trip", "practise on my lunch break", "brush up my French"],
        good=["the lessons are short and fun", "I have kept a streak for a year", "it really works"],
        meh=["the lessons get repetitive", "the hearts system is annoying"],
        old=["the old tree", "the free practice"],
    ),
}

DEVICES = ["my iPhone", "my iPad", "my iPad mini", "my Android phone", "my Galaxy", "my tablet", "my iPod touch",
           "my Pixel", "my new phone", "my old phone", "my Kindle Fire", "my Nexus"]
SYSTEMS = ["iOS 7", "iOS 17", "Android 14", "the latest iOS", "Android 9", "iOS 12"]
ERRORS = ["something went wrong", "network error", "unable to connect to server", "session expired",
          "upload failed", "download failed", "no internet connection", "error 403", "please try again later"]
VERSIONS = ["4.2", "5.0", "3.1.2", "the latest version", "version 7", "the new version"]
TIMES = ["a week", "three days", "two weeks", "a month", "yesterday", "the last update", "this morning"]
COMPETITORS = ["the other one", "the competition", "the app I used before", "the big-name apps", "the built-in app"]

# Templates per (category, sentiment). Slots: {app} {kind} {content} {feature} {action} {want} {want_noun} {use}
# {good} {meh} {old} {device} {system} {error} {version} {time} {competitor}; {Slot} capitalises the value.
TEMPLATES = {
    ("bug report", "negative"): [
        "Since the last update it crashes every time I {action}.",
        "It won't let me {action} anymore.",
        "I can't {action} since the update.",
        "Can't {action}!!",
        "Every time I try to {action} the app closes.",
        "{Feature} doesn't work on {device}.",
        "After updating to {system} the app won't even open.",
        "It keeps saying '{error}' when I try to {action}.",
        "All my {content} disappeared after the update.",
        "The app freezes whenever I {action}.",
        "{Feature} has been broken since {version}.",
        "It crashes the moment I open it.",
        "Keeps crashing on {device}.",
        "Stuck on the loading screen for {time}.",
        "It used to work fine, now it won't load on {device}.",
        "{Feature} stopped working after the update.",
        "I lost all my {content}. Thanks a lot.",
        "Half of my {content} are missing since the update.",
        "It says '{error}' even though my wifi works fine.",
        "Love the app, but since the update it crashes when I {action}.",
        "Great app but {feature} doesn't work on {device}.",
        "I gave it three stars because it crashes whenever I {action}.",
        "Ever since the update I can't {action}.",
        "The app closes by itself when I {action}.",
        "{Feature} is not working properly.",
        "Not working on {device}, please fix.",
        "{Feature} shows a blank screen.",
        "Updated today and now I can't {action}. Please fix!",
        "It logs me out every time I close it.",
        "My {content} won't sync between my phone and my laptop.",
        "{Feature} keeps crashing the app.",
        "Cannot {action} at all.",
        "I tried reinstalling and it still won't let me {action}.",
        "I get '{error}' every single time I try to {action}.",
        "{Feature} is completely broken.",
        "The {content} I saved yesterday are gone.",
        "It doesn't {action_bare} anymore, it just spins.",
        "Worked great until {time}, now it won't open at all.",
        "Every time I get a phone call the app restarts and I lose everything.",
        "{Feature} doesn't respond when I tap it.",
        "It won't open on {device} since I updated to {system}.",
        "Fix {feature_bare}, it has not worked for {time}.",
        "The update broke {feature_bare}.",
        "I can't even {action} without it crashing.",
        "Why does it crash every time I {action}?",
        "Why can't I {action} anymore? It just hangs.",
        "Since {version} {feature_bare} doesn't load at all.",
        "It freezes and then closes, every time.",
        "Uploads stop at 99% and never finish.",
        "The sound cuts out after a few seconds.",
        "Notifications stopped coming through after the update.",
        "It duplicates my {content} every time it syncs.",
        "I was in the middle of something and it deleted my {content}.",
        "Crashes on start-up on {device}.",
        "I keep getting kicked out when I {action}.",
        "It won't save my {content}.",
        "Nothing happens when I try to {action}.",
        # Wrong behaviour without crash words.
        "{Feature} shows the wrong {content}.", "It keeps asking me to {action} even though I already did.",
        "{Content_cap} I add on {device} never show up on my other devices.",
        "{Feature} takes me back to the start instead of where I was.", "It shows all my {content} twice.",
        "{Feature} turns itself off after a while.", "It says I'm offline when I'm clearly connected.",
        "My {content} are in the wrong order since the update.", "{Feature} ignores my settings.",
        "The dates on my {content} are all wrong.", "It won't remember my settings.",
        # Bug reports asked as questions, and faults of a named feature told calmly.
        "Why won't it let me {action}?", "Why does {feature_bare} not work on {device}?",
        "How come I can't {action} anymore?", "Is anyone else unable to {action}?",
        "Does anyone else have {feature_bare} crashing?", "Why do my {content} keep disappearing?",
        "What happened to my {content}? They're all gone.", "Is {feature_bare} broken for everyone?",
        "Why does it log me out whenever I {action}?", "Why is {feature_bare} empty since the update?",
        "{Feature} no longer shows my {content}.", "{Feature} only works half the time.",
        "{Feature} worked before the update, now it does nothing.", "When I {action}, {feature_bare} goes blank.",
        "{Feature} says '{error}' although I'm online.", "Since {version}, {feature_bare} doesn't save my changes.",
        "Nothing I change in the settings sticks.", "The text overlaps on {device} so I can't read it.",
        "The buttons are cut off on {device}.", "{Feature} goes off at the wrong time.",
        "It marks everything as new again every time I open it.", "My {content} got wiped when I changed phones.",
        "{Feature} opens the wrong page.", "The counter shows zero even though I have {content}.",
    ],
    ("bug report", "neutral"): [
        "Small bug: {feature} doesn't work on {device}.",
        "FYI {feature} crashes when I {action} on {device}.",
        "Found a bug: I can't {action} in landscape.",
        "Not sure if it's just me, but I can't {action} since {version}.",
        "Minor glitch: {feature} sometimes shows the wrong {content}.",
        "On {device} with {system}, {feature} doesn't load.",
        "There's a bug where {feature} resets when I {action}.",
        "Heads up, the app crashes when I {action} while offline.",
        "{Feature} occasionally freezes when I {action}.",
        "One bug: the keyboard disappears when I {action}.",
        "The app sometimes closes when I {action}, otherwise it's fine.",
        "Only issue is that it crashes now and then when I {action}.",
    ],
    ("feature request", "neutral"): [
        "Please add {want_noun}.",
        "Please add an option to {want}.",
        "I wish it had {want_noun}.",
        "I wish I could {want}.",
        "It would be nice if I could {want}.",
        "It would be great to be able to {want}.",
        "Would love to see {want_noun} in the next update.",
        "It needs {want_noun}.",
        "It needs a way to {want}.",
        "The only thing missing is {want_noun}.",
        "Hope you add {want_noun} soon.",
        "If only it had {want_noun}.",
        "Can you please make it possible to {want}?",
        "{Want_noun} please!!",
        "It should let you {want}.",
        "Bring back {old}!",
        "Please bring back {old}.",
        "Suggestion: let us {want}.",
        "There should be an option to {want}.",
        "Why not add {want_noun}?",
        "We need {want_noun}.",
        "Would be nice to have {want_noun} on the iPad version.",
        "Add {want_noun} please.",
        "Pls add {want_noun}",
        "It would be even better with {want_noun}.",
        "I would like to be able to {want}.",
        "Would it be possible to {want}?",
        "Could you add {want_noun}?",
        "Hoping for {want_noun} in a future update.",
        "Make it possible to {want}.",
        "Give us the option to {want}.",
        "I'd love the ability to {want}.",
        "A way to {want} would be nice.",
        "Any chance of {want_noun}?",
        "It would help if we could {want}.",
        "Really need the option to {want}.",
        "Waiting for {want_noun}.",
        "I'd pay for {want_noun}.",
        "Please let us {want}.",
        "My one request: {want_noun}.",
    ],
    ("feature request", "positive"): [
        "Great app! Would be perfect with {want_noun}.",
        "Love it, but I wish I could {want}.",
        "Five stars if you add {want_noun}.",
        "Love {app}, just please add {want_noun}.",
        "Really good, would love an option to {want}.",
        "Add {want_noun} and it'll be perfect.",
        "Best {kind} out there, it just needs {want_noun}.",
        "Brilliant {kind}. The only thing I'd add is a way to {want}.",
        "{Good_cap}. Now please let us {want}!",
        "Almost perfect, I just wish it had {want_noun}.",
        "Awesome {kind}, but it would be even better if I could {want}.",
    ],
    ("feature request", "negative"): [
        "Still no way to {want}?",
        "How is there still no option to {want}?",
        "Can't believe it still doesn't have {want_noun}.",
        "Three stars until you add {want_noun}.",
        "Seriously, just add {want_noun} already.",
        "It's useless to me without {want_noun}.",
        "Why did you remove {old}? Bring it back.",
        "I want {old} back.",
        "Why can't I {want}? Every other {kind} lets you.",
    ],
    ("praise", "positive"): [
        "Love it!", "Great app.", "Best app ever!!", "Must have app.", "Very useful.", "Awesome {kind}!",
        "So addictive!", "Love this {kind}.", "Excellent app, highly recommend.", "5 stars!", "Amazing.",
        "Very good app.", "Nice app.", "Superb {kind}.", "Simply the best.", "Great {kind}, love it.",
        "I love {app}!", "{App} is awesome.", "Best {kind} I've ever used.", "Fantastic app, thank you.",
        "{Good_cap}.", "{Good_cap}!", "I love it, {good}.", "{Good_cap}, highly recommend it.",
        "Really happy with it, {good}.", "Works perfectly on {device}.", "Never had a problem with it.",
        "It has never crashed on me.", "I can't live without this app.", "I use it every day and love it.",
        "I can't imagine my phone without it.", "I can't stop playing!", "I would be lost without it.",
        "I wish I had found it sooner.", "I wish I'd downloaded it years ago.", "You won't be disappointed.",
        "You won't regret it.", "It never lets me down.", "Everyone should have this app.",
        "I recommend it to all my friends.", "Can't recommend it enough.", "It does exactly what I need.",
        "Easy to use and does what it says.", "I love how easy it is to {action}.",
        "It's so easy to {action}.", "{Feature} is fantastic.", "{Feature} works great.",
        "I really like {feature_bare}.", "The new update is great.", "Love the new update!",
        "The latest update made it even better.", "It's fast, simple and free.", "Simple and reliable.",
        "Better than {competitor}.", "Much better than {competitor}.", "I switched from {competitor} and never looked back.",
        "Worth every penny.", "Totally worth it.", "Great for {use_ing}.", "Perfect for {use_ing}.",
        "It's my favourite {kind}.", "This {kind} is a lifesaver.", "Couldn't ask for more.",
        "Thank you for making such a great {kind}.", "I'd give it ten stars if I could.",
        "Hands down the best {kind}.", "The developers really care.", "Clean design, no clutter.",
        "It just works.", "Does everything I want it to.", "I love that I can {action} from anywhere.",
        "My kids love it.", "Even my grandma can use it.", "Super handy.", "Such a fun {kind}.",
        "The best way to {use}.", "Great way to {use}.", "{App} makes it easy to {use}.",
        "Never crashes, never lags.", "It doesn't drain my battery.", "No bugs at all.", "No problems so far.",
        "It's been flawless on {device}.", "Please don't ever change it.", "Hope they never change a thing.",
        "I don't know what I did without it.", "I can't go a day without it.", "It's the first app I open every morning.",
    ],
    ("other", "neutral"): [
        "I use it to {use}.", "I mainly use it to {use}.", "I've been using {app} for {years} years.",
        "I keep all my {content} in it.", "It lets me {action} from anywhere.", "I have it on my phone and my iPad.",
        "Got it when it was free.", "I downloaded it last week.", "I have the paid version.",
        "I switched from {competitor} last month.", "My friend told me about it.", "I use the free version.",
        "It's a {kind}.", "It's okay.", "It does what it says.", "It's fine for {use_ing}.",
        "I only use it for {use_ing}.", "I have about 200 {content} in it.", "I've had it for a while now.",
        "Haven't tried the new version yet.", "I read the reviews before downloading.", "Here's why:",
        "Update:", "Let me explain.", "I'm on {device} with {system}.", "I use it at work and at home.",
        "My wife uses it too.", "It's the app my school uses.", "I was using {competitor} before this.",
        "I got it because everyone at work has it.", "I usually use it on the train.", "I don't use it much.",
        "Average {kind}.", "It's alright.", "Not bad, not great.", "It's a decent {kind}.",
        "It's pretty basic but it works.", "Takes some getting used to.", "You need an account to use it.",
        "You have to be online to use it.", "It needs an internet connection.", "It costs a few dollars a year.",
        "The app is free, the extras are not.", "It syncs with the website.", "It's the same as the website.",
        "Most of my {content} are on it.", "I play it on my lunch break.", "I check it a few times a day.",
        "It's a simple {kind}.", "It works the way you'd expect.", "It replaced three other apps for me.",
        "I read that the next update adds more {content}.", "The developers update it every few weeks.",
        "I'll see how it goes.", "Three stars for now.", "I deleted it and then installed it again.",
        "The web version has more options.", "My whole class uses it.", "There is a paid version too.",
        # Comparisons, preferences and acceptance: opinions that ask for nothing.
        "That doesn't bother me.", "I can live with that.", "It's similar to {competitor}, just simpler.",
        "I use it more than {competitor} these days.", "Compared to {competitor} it has fewer options.",
        "I'm used to it by now.", "Some people love it, some don't.", "It depends on what you need it for.",
        "I've tried a few {kind}s and this is the one I kept.", "It does the same as {competitor}.",
        "The {content} look the same on every device.", "I don't mind paying for it.",
    ],
    ("other", "negative"): [
        "{Meh_cap}.", "{Meh_cap}, honestly.", "Not impressed, {meh}.", "I don't like it, {meh}.",
        "The new update is terrible.", "The new update ruined it.", "They ruined it.", "Worst update ever.",
        "I hate the new design.", "Not as good as it used to be.", "It used to be great.", "Don't download this.",
        "Waste of time.", "Boring.", "It's gone downhill.", "Way too many ads.", "Too many ads now.",
        "Deleting it.", "Uninstalled.", "Not worth it.", "Not worth the download.", "Meh.", "I'm disappointed.",
        "Used to love it, {meh}.", "It's just not fun anymore.", "The new version is a step backwards.",
        "Why change something that worked?", "Whoever designed the new look should be fired.",
        "I miss the old version.", "This used to be my favourite {kind}.", "{App} used to be good.",
        "So disappointed with the new update.", "Too complicated for what it does.", "The old version was better.",
        "One star, {meh}.", "Not for me.", "I gave up on it.", "I prefer {competitor}.", "{Competitor_cap} is better.",
        "Overrated.", "It's a copy of {competitor}.", "Can't believe they did this to such a great {kind}.",
        "Stop pushing the premium plan on me.", "Greedy developers.", "All they care about is money now.",
        "I'm moving my {content} to {competitor}.",
        "I went back to {competitor}.", "It's no longer worth the space on {device}.",
        "I really wanted to like it.", "It tries to do too much.", "Ugly and confusing.",
    ],
    ("other", "positive"): [
        "I use it every day to {use}.", "I've used it for years to {use}.", "It helps me {use}.",
        "I've been using {app} for {years} years and it keeps getting better.", "I got it for free and I'm hooked.",
        "I have it on all my devices.", "Good for {use_ing}.", "Handy for {use_ing}.",
        "Not perfect, but {good}.", "Some levels are hard, but it's fun.", "It's simple, but that's the point.",
        "Took a while to learn, but now I love it.", "Better than I expected.",
        "{Feature} is handy when I {action}.", "I like that I can {action} in a couple of taps.",
        "Now I can {action} on {device} too.", "{Feature} got better with the update.",
    ],
    # Sentences about features and actions that report nothing broken and ask for nothing: without them, naming a
    # feature is what bug reports and requests have in common, and the model learns the topic instead of the intent.
    ("other", "feature"): [
        "{Feature} lets you {action}.", "With {feature_bare} you can {action}.", "I use {feature_bare} to {action}.",
        "{Feature} is where I {action}.", "{Feature} works fine for me.", "{Feature} is okay, nothing special.",
        "You can {action} from {feature_bare}.", "To {action} you go through {feature_bare}.",
        "I mostly {action} on {device}.", "I {action} a few times a week.", "The {content} are sorted by date.",
        "{Feature} looks different since the update.",
        "{Feature} is in the menu at the bottom.", "It takes two taps to {action}.",
        "I didn't know you could {action} until a friend showed me.", "{Feature} is the part I use most.",
        "I have never used {feature_bare}.", "I tried {feature_bare} once.", "My {content} are all in one place.",
        "I keep my {content} in folders.", "Most days I just {action} and close it.",
        "You need wifi to {action}.", "{Feature} is similar to {competitor}.", "The update changed {feature_bare}.",
        "They moved {feature_bare} to the settings.", "Every morning I {action}.",
    ],
    ("praise", "feature"): [
        "{Feature} is great.", "{Feature} works perfectly.", "I love {feature_bare}.", "{Feature} is so handy.",
        "{Feature} is a lifesaver.", "Being able to {action} anywhere is great.", "It's so easy to {action}.",
        "I love that I can {action} on {device}.", "{Feature} never lets me down.",
        "{Feature} is the best part of the app.", "Love the new {feature_bare}.",
        "I can {action} in seconds.", "{Feature} is fast and reliable.", "It makes it easy to {action}.",
        "{Feature} has never crashed on me.", "{Feature} works great on {device}.",
    ],
    ("other", "negative_feature"): [
        "I don't like {feature_bare}.", "{Feature} is ugly now.", "{Feature} is harder to find since the update.",
        "{Feature} is too complicated.", "I hate the new {feature_bare}.", "{Feature} is pointless.",
        "{Feature} used to be better.", "Nobody needs {feature_bare}.", "{Feature} is way too cluttered.", "It takes way too many taps to {action}.",
    ],
    # App users also ask how things work, complain about charges and about speed; without these cells the app-review
    # register would only ever teach the four categories above.
    ("question", "neutral"): [
        "How do I {action}?", "How can I {action} on {device}?", "Does anyone know how to {action}?",
        "Where did {feature_bare} go after the update?", "Is it possible to {action} without an account?",
        "Does {feature_bare} work offline?", "Can I {action} on more than one device?", "Where do I find {feature_bare}?",
        "Is {app} available for {device}?", "What happens to my {content} if I delete the app?",
        "Do I need the paid version to {action}?", "How do I move my {content} to a new phone?",
    ],
    ("question", "negative"): [
        "Why is it so hard to find {feature_bare}?", "Can someone explain why I have to log in again to {action}?",
        "Why did my {content} move around after the update?", "Where on earth is {feature_bare} now?",
    ],
    ("billing", "negative"): [
        "I paid for the premium plan and I still can't {action}.", "I was charged twice for {app} this month.",
        "The subscription renewed even though I cancelled it.", "I bought {want_noun} and never got it, I want a refund.",
        "They took my money and the upgrade never unlocked.", "Charged for a free trial I never asked for.",
        "The price doubled overnight without any notice.", "Getting my money back from them is impossible.",
        "I paid to unlock {want_noun} and it's still locked.", "I was billed for {app} after I deleted my account.",
        "The in-app purchase for more {content} took my money and gave me nothing.",
        "My card was charged but my {content} are still limited to the free amount.",
        "Refund me for the upgrade, it was bought by accident on {device}.",
        "I keep getting charged every month for {app} and I never signed up.",
        "{App} charged me in dollars instead of euros.", "The yearly plan was taken from my account without a reminder.",
    ],
    ("billing", "neutral"): [
        "How much does the premium plan cost per year?", "Is the upgrade a one-time payment or a subscription?",
        "Can I get a refund if I cancel in the first week?", "Does the family plan cover {device} too?",
        "Do I have to pay again to use {app} on {device}?", "Will my {content} be deleted if I stop paying?",
        "Is there a student discount for {app}?", "How do I cancel the subscription on {device}?",
    ],
    ("performance", "negative"): [
        "It takes ages to {action} on {device}.", "{Feature} is so slow since the update.",
        "It drains my battery in a couple of hours.", "Really laggy on {device} lately.",
        "Loading my {content} takes forever.", "It makes {device} heat up after a few minutes.",
        "Each screen takes several seconds to appear.", "It uses way too much data in the background.",
    ],
    ("performance", "positive"): [
        "It opens in a second and never stutters.", "Loading my {content} is much faster since {version}.",
        "It runs smoothly even on {device}.", "Hardly uses any battery at all.",
    ],
}

# Mixed sentences: an opener that praises (or describes) the app, then a request or a bug report. The request or
# the bug decides the category, and mean-pooled embeddings need many such rows to learn that a long friendly opener
# does not outweigh a short "I wish...". Sentiment: a request after praise stays positive; a bug makes it negative.
MIXED_OPENERS = {
    "positive": ["Great app", "Love it", "Love this app", "Best {kind} I've used", "Works well", "Excellent",
                 "Nice app", "Good app", "Awesome {kind}", "Really enjoy it", "Great {kind}", "I love {app}",
                 "Overall a great {kind}", "Fantastic", "Very good", "Brilliant {kind}", "Almost perfect",
                 "{Good_cap}", "Great game", "Very useful", "Happy with it overall", "Five stars otherwise"],
    "neutral": ["I use it every day", "I use it to {use}", "I've had it for years", "I use this app a lot",
                "I mostly use it on {device}", "I use the free version", "I've been using it for a while"],
}
MIXED_JOINS = [", but ", ". But ", " but ", "! ", ". ", "... ", ", just ", ". Only thing: ", ", however "]
MIXED_REQUESTS = [
    "I wish I could {want}.", "I wish it had {want_noun}.", "please add {want_noun}.", "it needs {want_noun}.",
    "it would be nice if I could {want}.", "would love an option to {want}.", "please let us {want}.",
    "could you add {want_noun}?", "it would be perfect with {want_noun}.", "I'd like to be able to {want}.",
    "the only thing missing is {want_noun}.", "hope you add {want_noun} soon.", "need {want_noun} and then 5 stars.",
    "I'd give it five stars if I could {want}.", "they need to add a way to {want}.", "why not add {want_noun}?",
    "please bring back {old}.", "make it possible to {want}.", "wish there was a way to {want}.",
    "it could use {want_noun}.", "{want_noun} would make it perfect.", "I just want to be able to {want}.",
]
MIXED_BUGS = [
    "since the update it crashes when I {action}.", "it won't let me {action} anymore.",
    "I can't {action} since the last update.", "{feature} doesn't work on {device}.",
    "it keeps saying '{error}' when I {action}.", "it crashes every time I {action}.",
    "now all my {content} are gone.", "{feature} stopped working.", "it freezes whenever I {action}.",
    "it logs me out every time I close it.", "it won't open on {device} anymore.",
    "lately {feature} shows a blank screen.", "the latest version won't let me {action}.",
    "why can't I {action} since the update?", "{feature} no longer works on {device}.",
    "my {content} vanished when I tried to {action}.", "{feature} gives me '{error}' every time.",
]

# Game suggestions are often imperatives about the game's world ("make some space levels").
GAME_IDEAS = ["some space levels", "a character that can jump twice", "a purple dragon", "pirate levels", "a winter world",
              "a level where the enemies chase you", "more bonus stages", "a dinosaur episode", "a boss for every world"]
GAME_REQUESTS = ["Make {idea}.", "Please put {idea} in the game.", "You should make {idea}.", "Can you add {idea}?",
                 "Add {idea} please!", "Would love {idea} in the next update.", "How about {idea}?",
                 "Can there be {idea}?", "Next update please have {idea}."]

# Sentences that do not fit the slots: very short reviews, slang, text-speak and titles.
STANDALONE = [
    ("Osm app", "positive", "praise"), ("gr8 app", "positive", "praise"), ("grt app must try", "positive", "praise"),
    ("Superb!!", "positive", "praise"), ("Very nice", "positive", "praise"), ("Good", "positive", "praise"),
    ("Nice", "positive", "praise"), ("Awesome!!!", "positive", "praise"), ("Loveeee it", "positive", "praise"),
    ("Soooo goood", "positive", "praise"), ("fab app", "positive", "praise"), ("Wonderful app", "positive", "praise"),
    ("Excellent", "positive", "praise"), ("Addicted!", "positive", "praise"), ("Cool", "positive", "praise"),
    ("its gud", "positive", "praise"), ("v good app", "positive", "praise"), ("Best messenger ever", "positive", "praise"),
    ("Best game ever!!", "positive", "praise"), ("Thumbs up", "positive", "praise"), ("A+", "positive", "praise"),
    ("10/10", "positive", "praise"), ("Five stars from me", "positive", "praise"), ("Totally addicting", "positive", "praise"),
    ("Life saver!", "positive", "praise"), ("Love this game so much", "positive", "praise"),
    ("My favorite app", "positive", "praise"), ("Great fun", "positive", "praise"), ("Very helpful app", "positive", "praise"),
    ("Simple and easy", "positive", "praise"), ("Easy to use", "positive", "praise"), ("Very user friendly", "positive", "praise"),
    ("Works like a charm", "positive", "praise"), ("Works great", "positive", "praise"), ("Works well", "positive", "praise"),
    ("Never fails", "positive", "praise"), ("Keep it up guys", "positive", "praise"), ("Love the new levels", "positive", "praise"),
    ("Great game for kids", "positive", "praise"), ("Great time killer", "positive", "praise"),
    ("Very good for keeping in touch", "positive", "praise"), ("Love it, use it daily", "positive", "praise"),
    ("So useful for school", "positive", "praise"), ("A must for every phone", "positive", "praise"),
    ("Thank you developers!", "positive", "praise"), ("Good job guys", "positive", "praise"),
    ("Nice app, I like it", "positive", "praise"), ("I like it very much", "positive", "praise"),
    ("Wow just wow", "positive", "praise"), ("It is free and it works", "positive", "praise"),
    ("Finally free!!", "positive", "praise"), ("Yay it's free now", "positive", "praise"),
    ("Can't put it down", "positive", "praise"), ("I can't get enough of it", "positive", "praise"),
    ("Couldn't live without it", "positive", "praise"), ("Don't know how I lived without it", "positive", "praise"),
    ("Perfect in every way", "positive", "praise"), ("Flawless", "positive", "praise"),
    ("The best, no doubt", "positive", "praise"), ("Hooked!", "positive", "praise"),
    ("Nothing to complain about", "positive", "praise"), ("No complaints at all", "positive", "praise"),
    ("Great app with no ads", "positive", "praise"), ("It has everything", "positive", "praise"),
    ("Brilliant idea, brilliant app", "positive", "praise"), ("Really enjoy it", "positive", "praise"),
    ("Very good game, my son loves it", "positive", "praise"), ("Great for keeping my week in order", "positive", "praise"),
    ("I recommend it", "positive", "praise"), ("Highly recommend!", "positive", "praise"),
    ("Amazing app for sharing photos", "positive", "praise"), ("My go-to app", "positive", "praise"),
    ("Super fun and challenging", "positive", "praise"), ("Still the best after all these years", "positive", "praise"),
    ("OK", "neutral", "other"), ("Ok app", "neutral", "other"), ("Its ok", "neutral", "other"),
    ("Average", "neutral", "other"), ("So so", "neutral", "other"), ("Fine", "neutral", "other"),
    ("It's alright I guess", "neutral", "other"), ("Decent", "neutral", "other"), ("Not bad", "neutral", "other"),
    ("Good but not great", "neutral", "other"), ("Nothing special", "neutral", "other"), ("Does the job", "neutral", "other"),
    ("It's a game.", "neutral", "other"), ("Update", "neutral", "other"), ("Here is why:", "neutral", "other"),
    ("First review ever.", "neutral", "other"), ("I rarely write reviews.", "neutral", "other"),
    ("Downloaded it yesterday.", "neutral", "other"), ("Just started using it.", "neutral", "other"),
    ("Been using it since 2012.", "neutral", "other"), ("I have the iPad version.", "neutral", "other"),
    ("My daughter showed it to me.", "neutral", "other"), ("I use it for work.", "neutral", "other"),
    ("I use it for school.", "neutral", "other"), ("I am a teacher.", "neutral", "other"),
    ("I'm a student.", "neutral", "other"), ("I travel a lot for work.", "neutral", "other"),
    ("We use it as a family.", "neutral", "other"), ("I mostly use the website.", "neutral", "other"),
    ("Edit: changed to 4 stars.", "neutral", "other"), ("Edit: still the same.", "neutral", "other"),
    ("UPDATE: read below", "neutral", "other"), ("Two things:", "neutral", "other"), ("First,", "neutral", "other"),
    ("Secondly, the layout.", "neutral", "other"), ("Overall, it's okay.", "neutral", "other"),
    ("That's it.", "neutral", "other"), ("That's all.", "neutral", "other"), ("Just my opinion.", "neutral", "other"),
    ("Hmm", "neutral", "other"), ("Interesting app", "neutral", "other"), ("It's different.", "neutral", "other"),
    ("Not sure yet.", "neutral", "other"), ("Still deciding.", "neutral", "other"), ("We'll see.", "neutral", "other"),
    ("Three stars.", "neutral", "other"), ("Four stars for now.", "neutral", "other"),
    ("It's free with ads.", "neutral", "other"), ("The ads are fine, it's free after all.", "neutral", "other"),
    ("Bad", "negative", "other"), ("Boring", "negative", "other"), ("Hate it", "negative", "other"),
    ("Horrible", "negative", "other"), ("Sucks", "negative", "other"), ("Worst app ever", "negative", "other"),
    ("Total waste", "negative", "other"), ("Rubbish", "negative", "other"), ("So bad", "negative", "other"),
    ("Terrible game", "negative", "other"), ("Not fun", "negative", "other"), ("Too hard", "negative", "other"),
    ("Too easy", "negative", "other"), ("Pointless", "negative", "other"), ("Don't bother", "negative", "other"),
    ("Stay away", "negative", "other"), ("Very disappointed", "negative", "other"), ("What happened?!", "negative", "other"),
    ("Ugh", "negative", "other"), ("Nope", "negative", "other"), ("Not good anymore", "negative", "other"),
    ("They ruined a great game", "negative", "other"), ("Money grab", "negative", "other"),
    ("Too many in-app purchases", "negative", "other"), ("Ads ads ads", "negative", "other"),
    ("Hate the new look", "negative", "other"), ("New design is awful", "negative", "other"),
    ("I want my money back", "negative", "billing"), ("Charged me twice for the subscription", "negative", "billing"),
    ("Crashes", "negative", "other"), ("Keeps crashing", "negative", "other"),
    ("Crashes constantly", "negative", "other"), ("Won't open", "negative", "bug report"),
    ("Doesn't work", "negative", "other"), ("Doesn't work on my phone", "negative", "other"),
    ("Not loading", "negative", "bug report"), ("Can't log in", "negative", "bug report"),
    ("Can't sign in anymore", "negative", "bug report"), ("Won't sync", "negative", "bug report"),
    ("Black screen", "negative", "other"), ("Stuck on loading", "negative", "bug report"),
    ("Freezes all the time", "negative", "other"), ("Sync broken", "negative", "bug report"),
    ("Lost all my data", "negative", "bug report"), ("Login doesn't work", "negative", "bug report"),
    ("Videos won't play", "negative", "bug report"), ("Sound not working", "negative", "bug report"),
    ("Search is broken", "negative", "bug report"), ("Buggy since update", "negative", "other"),
    ("Dark mode please", "neutral", "feature request"), ("Need landscape mode", "neutral", "feature request"),
    ("iPad version please!", "neutral", "feature request"), ("Add more levels!", "neutral", "feature request"),
    ("More levels please", "neutral", "feature request"), ("Please make an Android version", "neutral", "feature request"),
    ("Needs a search function", "neutral", "feature request"), ("Video calling please", "neutral", "feature request"),
    ("Want offline mode", "neutral", "feature request"), ("Please add widgets", "neutral", "feature request"),
    ("Hola, muy buena aplicacion", "positive", "praise"), ("Sehr gut, danke!", "positive", "praise"),
    ("Tres bien", "positive", "praise"), ("Muito bom", "positive", "praise"), ("Bahut badhiya app hai", "positive", "praise"),
    ("Excelente app", "positive", "praise"), ("Es una aplicacion normal", "neutral", "other"),
]

# Short review titles put before a body, as app stores show them ("Title. body").
TITLES = {
    ("praise", "positive"): ["Love it", "Great app", "Awesome", "Excellent", "Best app", "Must have", "Perfect",
                             "Five stars", "Amazing"],
    ("other", "positive"): ["Good", "Pretty good", "Nice", "Useful"],
    ("other", "neutral"): ["Ok", "Decent", "It's fine", "Average", "Review"],
    ("other", "negative"): ["Disappointed", "Meh", "Not good", "Bad update", "Boo"],
    ("bug report", "negative"): ["Crashes", "Broken", "Not working", "Please fix", "Help", "Bug", "Useless now"],
    ("bug report", "neutral"): ["Small bug", "Glitch", "Issue"],
    ("feature request", "neutral"): ["Suggestion", "Request", "Idea", "Feature request", "Please"],
    ("feature request", "positive"): ["Great but", "Almost perfect", "Love it but", "Great app"],
    ("feature request", "negative"): ["Still missing", "Come on", "Needs work"],
}

SPEAK = {"you": "u", "your": "ur", "please": "plz", "great": "gr8", "because": "cuz", "love": "luv",
         "really": "rly", "thanks": "thx", "before": "b4", "people": "ppl", "awesome": "awsome",
         "doesn't": "doesnt", "can't": "cant", "won't": "wont", "it's": "its", "I'm": "im"}

# Cells for templated rows: weights as shares of the app-review rows. Ordinary sentences (praise/other) dominate
# real reviews; bug reports and requests are kept frequent enough to be learned in their many phrasings.
WEIGHTS = {
    ("bug report", "negative"): 16, ("bug report", "neutral"): 3,
    ("feature request", "neutral"): 12, ("feature request", "positive"): 4, ("feature request", "negative"): 3,
    ("praise", "positive"): 22,
    ("other", "neutral"): 16, ("other", "negative"): 13, ("other", "positive"): 7,
    ("other", "feature"): 14, ("praise", "feature"): 10, ("other", "negative_feature"): 6,
    ("question", "neutral"): 6, ("question", "negative"): 2, ("billing", "negative"): 8, ("billing", "neutral"): 3,
    ("performance", "negative"): 5, ("performance", "positive"): 2,
}

# Bug-report templates that name nothing that fails (no feature, screen or action): "keeps crashing", "please fix".
# Such a sentence is a complaint about the app as a whole, like a one-star rating, and gives a triage team nothing to
# act on, so its rows are labelled "other" (still negative); a bug report names what is broken ("since the update I
# can't save a note"). Without this, "crash"/"fix" alone were the bug-report signal, and most real app-review sentences
# with those words name no feature (measured on public app-review sentences, in aggregate: docs/training.md). The
# templates stay in their cell, so the random draws, the texts and their sentiment are exactly as before.
VAGUE_FAULTS = {
    "It crashes the moment I open it.", "Keeps crashing on {device}.", "Not working on {device}, please fix.",
    "It freezes and then closes, every time.", "Crashes on start-up on {device}.",
}

# Cells whose sentiment differs from their template key.
SENTIMENT_OF = {"feature": "neutral", "negative_feature": "negative"}


def _cap(text):
    return text[0].upper() + text[1:] if text else text


def _ing(phrase):
    """'keep my recipes' -> 'keeping my recipes'."""
    verb, _, rest = phrase.partition(" ")
    irregular = {"put": "putting", "get": "getting", "plan": "planning", "run": "running", "shop": "shopping",
                 "see": "seeing", "set": "setting", "stop": "stopping"}
    if verb in irregular:
        ing = irregular[verb]
    elif verb.endswith("e") and not verb.endswith("ee"):
        ing = verb[:-1] + "ing"
    else:
        ing = verb + "ing"
    return f"{ing} {rest}".strip()


def _bare(phrase):
    return re.sub(r"^(the|my|your) ", "", phrase)


def fill(template, app_kind, rng):
    a = APPS[app_kind]
    pick = lambda key: rng.choice(a[key])
    values = {key: pick(key) for key in ("name", "kind", "content", "feature", "action", "want", "want_noun",
                                          "use", "good", "meh", "old")}
    values["app"] = values["name"]
    values["device"] = rng.choice(DEVICES)
    values["system"] = rng.choice(SYSTEMS)
    values["error"] = rng.choice(ERRORS)
    values["version"] = rng.choice(VERSIONS)
    values["time"] = rng.choice(TIMES)
    values["competitor"] = rng.choice(COMPETITORS)
    values["years"] = rng.choice(["two", "three", "five", "a couple of", "many"])
    values["use_ing"] = _ing(values["use"])
    values["feature_bare"] = _bare(values["feature"])
    values["action_bare"] = values["action"]
    values["good_cap"] = _cap(values["good"])
    values["meh_cap"] = _cap(values["meh"])
    values["competitor_cap"] = _cap(values["competitor"])
    values["content_cap"] = _cap(values["content"])

    def replace(match):
        key = match.group(1)
        value = values[key.lower()]
        return _cap(value) if key[0].isupper() else value

    return re.sub(r"\{([A-Za-z_]+)\}", replace, template)


def vary(text, category, sentiment, rng):
    """App-store register: titles, lower case, dropped full stops, text-speak, repeated '!', a few typos."""
    if rng.random() < 0.12 and (category, sentiment) in TITLES:
        title = rng.choice(TITLES[(category, sentiment)])
        text = title + rng.choice([". ", "! ", " - ", ": "]) + text
    roll = rng.random()
    if roll < 0.2:
        text = text.lower()
    elif roll < 0.3:
        text = text.rstrip(".")
    elif roll < 0.34 and sentiment == "negative":
        text = text.upper()
    if rng.random() < 0.08:
        words = [SPEAK.get(w, w) for w in text.split(" ")]
        text = " ".join(words)
    if rng.random() < 0.08:
        text = text.rstrip(".!") + rng.choice(["!!", "!!!", "...", " :)", " :(", "!!!!"])
    if rng.random() < 0.1:
        words = text.split(" ")
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4 and w.isalpha():
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        text = " ".join(words)
    return re.sub(r"[ ]+", " ", text).strip()


def generate_mixed(rng, count):
    """`count` rows of praise-or-description + request (feature request) or + bug (bug report)."""
    rows = []
    kinds = sorted(APPS)
    for i in range(count):
        kind = rng.choice(kinds)
        if i % 5 == 4:
            idea = rng.choice(GAME_IDEAS)
            text = rng.choice(GAME_REQUESTS).replace("{idea}", idea)
            if rng.random() < 0.5:
                text = fill(rng.choice(MIXED_OPENERS["positive"]), "game", rng) + rng.choice(MIXED_JOINS) + text[0].lower() + text[1:]
            rows.append((vary(text, "feature request", "positive", rng), "positive", "feature request"))
            continue
        bug = i % 3 == 0
        tone = "positive" if bug or rng.random() < 0.75 else "neutral"
        opener = rng.choice(MIXED_OPENERS[tone])
        second = rng.choice(MIXED_BUGS if bug else MIXED_REQUESTS)
        text = fill(opener + rng.choice(MIXED_JOINS) + second, kind, rng)
        text = re.sub(r"([.!?]) ([a-z])", lambda m: m.group(1) + " " + m.group(2).upper(), text)
        category = "bug report" if bug else "feature request"
        sentiment = "negative" if bug else ("positive" if tone == "positive" else "neutral")
        rows.append((vary(text, category, sentiment, rng), sentiment, category))
    return rows


def generate(seed, target):
    """About `target` app-review rows: the standalone sentences once each, then templated rows."""
    rng = random.Random(seed)
    rows = [(text, sentiment, category) for text, sentiment, category in STANDALONE]
    cells = list(WEIGHTS)
    weights = [WEIGHTS[c] for c in cells]
    kinds = sorted(APPS)
    seen = set()
    attempts = 0
    while len(rows) < target and attempts < target * 50:
        attempts += 1
        category, cell = rng.choices(cells, weights)[0]
        template = rng.choice(TEMPLATES[(category, cell)])
        sentiment = SENTIMENT_OF.get(cell, cell)
        if category == "praise":
            sentiment = "positive"
        text = vary(fill(template, rng.choice(kinds), rng), category, sentiment, rng)
        key = re.sub(r"\W+", " ", text.lower()).strip()
        if key in seen:
            continue
        seen.add(key)
        rows.append((text, sentiment, "other" if template in VAGUE_FAULTS else category))
    return rows


# Longer sentences, the kind that fill most of a real review: what the app is used for, how a feature behaves,
# opinions, comparisons, little stories. Written for this project; each is its own row (also run through vary()).
LONG = {
    ("other", "neutral"): [
        "I started using it when I changed jobs and needed somewhere to keep meeting notes.",
        "Most evenings I open it for ten minutes before dinner and then forget about it.",
        "My sister set it up on my phone when she visited at Christmas.",
        "I have two accounts, one for the office and one for the house.",
        "The first screen shows your recent items and a big plus button.",
        "You get a handful of free credits every day and can buy more in the shop.",
        "I mostly use the web version at my desk and the phone app on the go.",
        "Our football club uses it to send the match times to the parents.",
        "It shows a short tip every time it starts.",
        "The paid plan adds more storage and removes the banner at the bottom.",
        "Each recipe has a list of ingredients and a timer you can start from the page.",
        "I found it through a list of recommended apps in a magazine.",
        "I moved over from a paper diary at the start of the year.",
        "The settings are split into account, display and privacy.",
        "There are three difficulty levels and you can switch between them at any time.",
        "My teenage son plays it more than I do.",
        "Every Sunday I sit down and plan the week's meals in it.",
        "The company behind it also makes a desktop program.",
        "I have been on the beta for a few months.",
        "The app asks whether you want notifications the first time you open it.",
        "You can log in with an email address or a phone number.",
        "It keeps a history of everything you looked at in the last thirty days.",
        "I tend to use it in bursts, a lot for a week and then nothing for a month.",
        "The map view and the list view show the same places.",
        "I use it alongside a spreadsheet that I keep on my laptop.",
        "At work we have a shared account that four of us use.",
        "My grandson installed it so we could send each other pictures.",
        "I bought the one-off upgrade rather than the subscription.",
        "The tutorial walks you through the first three levels.",
        "I read about it on a forum for people who run marathons.",
        "I use it mainly for shopping lists and the odd reminder.",
        "Photos you take inside the app go into their own album.",
        "There is a tab for friends and a tab for your own stuff.",
        "The lessons are about five minutes long each.",
        "It remembers where you stopped, so you can pick up later.",
        "I check the weekly summary every Monday morning.",
        "I keep it on the second page of my home screen.",
        "We use it for the school run rota with three other families.",
        "I don't play with sound, so I can't say much about the music.",
        "I have used both the free and the paid version over the years.",
        "It's the app our landlord asked us to use for repair requests.",
        "I've only tried it on the phone, never on a tablet.",
        "This is the third budgeting app I have tried this year.",
        "I used it on holiday in Portugal to find places to eat.",
        "My wife and I keep our shared calendar in it.",
        "The new version came out last week and I installed it straight away.",
        "I write this after about six months of daily use.",
        "Like most people I started with the free plan.",
        "It's mostly used by students from what I can tell.",
        "I'm not very technical, so I stick to the basic features.",
        "I play a couple of rounds while my coffee brews.",
        "You earn points for every day in a row that you open it.",
        "I use it to listen to audiobooks when I walk the dog.",
        "The app is in English, but you can switch the language in the settings.",
        "My doctor suggested tracking my sleep, so I picked this one.",
        "You need to be on the same wifi as the speaker for it to find it.",
        "The files I save here also show up on my work computer.",
        "I keep my boarding passes and hotel bookings in it when I travel.",
        "When I open it in the morning it shows the weather and my first meeting.",
        "Some features only unlock after you reach level ten.",
    ],
    ("other", "negative"): [
        "I preferred it before they added all the social stuff.",
        "It feels like every update adds another thing to pay for.",
        "The levels after the second world felt like a grind.",
        "I really don't enjoy being nagged to invite my friends.",
        "The redesign looks nice but I keep getting lost in the menus.",
        "Honestly it's overpriced for what you get.",
        "The free version is so limited that it's barely worth installing.",
        "The characters used to be charming, now they just look cheap.",
        "I don't trust an app that wants my location all the time.",
        "Half of the recipes in the feed are adverts for kitchen gadgets.",
        "The daily streak makes me feel guilty rather than motivated.",
        "It was my favourite game for years, but it has lost its charm.",
        "I expected more from a company this size.",
        "The music is so repetitive that I play on mute.",
        "I find the colour scheme really hard on the eyes.",
        "The newer levels rely on luck more than skill.",
        "It's a lot of app for something that should be simple.",
        "Sadly it's not the app it was two years ago.",
        "Too many pop-ups asking me to go premium.",
        "I don't see why a calculator needs an account.",
        "The prices in the shop are ridiculous.",
        "I uninstalled it after they changed the rules of the game.",
        "The reviews in the app feel paid for.",
        "The tone of the notifications is a bit pushy.",
        "It's boring compared to the first version.",
        "The new mascot is annoying.",
        "It just isn't for people like me.",
        "The recommendations never match what I actually like.",
    ],
    ("other", "positive"): [
        "I've been using it every day for three years and it has become part of my routine.",
        "We used it to plan a road trip across Scotland and it made things a lot easier.",
        "It helped me keep my spending under control after I moved out.",
        "The kids practise their spelling with it in the car.",
        "Since I started using it I actually remember my friends' birthdays.",
        "I was sceptical at first, but it won me over within a week.",
        "It's become the first thing I open when I start work.",
        "I lost a phone last year and everything was still there on the new one.",
        "The whole team moved over to it and we haven't looked back.",
        "It's nice to have one place for everything instead of five apps.",
        "My mum is seventy and she figured it out on her own.",
        "I ran my first half marathon last month thanks to the training plan.",
        "It made learning Italian feel like a game.",
        "It's not flashy, but it does the job every single day.",
        "The story in the later levels really surprised me.",
    ],
    ("praise", "positive"): [
        "Whoever came up with this idea deserves a medal.",
        "The layout is tidy and I never have to hunt for anything.",
        "The new characters are funny and the levels are well thought out.",
        "The recipes are easy to follow, even for a bad cook like me.",
        "It's quick, it's free and it does exactly what it promises.",
        "I love how the reminders pop up at just the right time.",
        "The sound design and the artwork are lovely.",
        "It's one of the few apps I'd happily pay for again.",
        "The offline maps saved our trip when we had no signal in the mountains.",
        "The customer support answered my question within an hour, very impressed.",
        "It is beautifully made and a joy to use.",
        "Really well designed, everything feels smooth.",
        "It's the best money I've spent on my phone.",
        "The puzzles are challenging without being frustrating.",
        "Brilliant for keeping the whole family organised.",
        "The widget is gorgeous and shows exactly what I need.",
        "The voice of the coach is encouraging without being annoying.",
        "This app is a gem, simple as that.",
        "It's a pleasure to use every single morning.",
        "Everything about it feels polished.",
    ],
    ("bug report", "negative"): [
        "When I open a shared list on my tablet, it shows an empty page until I restart the app.",
        "The timer stops counting as soon as the screen locks.",
        "Since the update the app signs me out every time I switch to another app.",
        "I tap save and the changes are gone when I come back.",
        "It crashes when I try to attach a file bigger than a few megabytes.",
        "The reminder went off an hour late because it ignores the time zone.",
        "My streak was reset even though I did the lesson yesterday.",
        "The app freezes on the payment screen and I have to force close it.",
        "Pictures taken in the app come out blurry and upside down.",
        "The game restarts the level whenever a notification comes in.",
        "Half of the text in the settings is cut off on my small phone.",
        "The search returns nothing, even for words I know are there.",
        "Every time I rotate the phone, the page jumps back to the top.",
        "Downloads stop at about half and then fail without a message.",
        "I get logged out of my second account whenever I use the first one.",
        "Audio cuts out after a minute when the phone is in my pocket.",
        "It keeps telling me there is no connection while every other app works.",
        "The purchase went through but the extra levels are still locked.",
        "The calendar shows my appointments on the wrong day.",
        "After restoring from a backup, all my folders are empty.",
        "The app closes on its own when I open the camera from inside it.",
        "My progress from last week has vanished.",
        "The keyboard hides the message box, so I can't see what I'm writing.",
        "The step count doubles whenever I wear my watch and carry my phone.",
    ],
    ("feature request", "neutral"): [
        "It would be really helpful to be able to share a list with someone who doesn't have the app.",
        "I'd love a setting that keeps the screen on while a recipe is open.",
        "Could you let us choose what shows up on the home screen?",
        "A way to mark a chat as unread would make my life easier.",
        "Please add an option to start the week on Monday.",
        "It would be great to have a simple export so I can keep a copy of my data.",
        "I'd like to be able to pause a download and carry on later.",
        "Please let us mute a group for longer than a day.",
        "Some kind of family plan would make sense for households like ours.",
        "A night mode for reading in bed would be wonderful.",
        "Can you make the buttons bigger for those of us with large thumbs?",
        "An undo button for accidental deletes is badly needed.",
        "I would like the option to hide finished tasks.",
        "It would be nice to see the total time spent on each project.",
        "Please add a way to sort by name as well as by date.",
        "Let us add our own categories instead of the fixed ones.",
        "It would be amazing if the app could read the lessons out loud.",
        "Please give us a way to back up to a memory card.",
        "More control over which notifications I get would be welcome.",
        "A search box in the settings would save a lot of scrolling.",
    ],
    ("feature request", "positive"): [
        "Lovely app, and a widget for the home screen would make it perfect.",
        "I really enjoy it, though I'd love more puzzles in the harder mode.",
        "Great tool, just missing a way to print my lists.",
        "Superb game, please keep the new worlds coming!",
        "Very handy, and if it could sync with my watch I'd be over the moon.",
    ],
}


def generate_long(rng):
    """Every LONG sentence once, in the app-store register."""
    rows = []
    for (category, sentiment), sentences in LONG.items():
        for text in sentences:
            rows.append((vary(text, category, sentiment, rng), sentiment, category))
    return rows
