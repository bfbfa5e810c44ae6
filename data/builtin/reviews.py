"""Product-review and restaurant-review sentences for the built-in corpus (data/builtin/feedback.csv).

Written by hand for Orleans.Sentiment (CC0, like the rest of the corpus): the brands, shops and restaurants are
invented, and every template, slot value and standalone sentence below was written for this project, not taken or
paraphrased from a data set.

Why this part exists: the customer-service comments of generate.py and the app-store sentences of app_reviews.py
rarely sound like a short review of a thing you bought or a meal you ate. A model trained on them alone called
ordinary positive review sentences negative (their nouns and their calm, descriptive tone appear mostly in the
corpus's complaints), and it needed a large negative logit shift to catch complaints that are phrased calmly. This
module writes the review register: short verdicts ("Works great.", "Never again."), sentences about an aspect of a
product or a dish ("the battery lasts all day", "the crust was soggy"), calm and understated complaints ("a bit
bland for the price", "I expected more"), sarcasm ("Works great as a paperweight."), negation on both sides ("not
bad at all", "not worth it", "no complaints", "wouldn't recommend"), intensifiers, mixed sentences (labelled by the
clause after "but", as in generate.py), and neutral statements of fact ("I bought it for my son").

Rows are (text, sentiment, category), deterministic for a seed. generate.py adds them to the corpus.
Categories follow the corpus's meanings: praise for positive verdicts, bug report for a product that broke or stopped
working, performance for waiting and slow delivery, billing for prices and refunds, other for the rest.
"""
import random
import re

# -------------------------------------------------------------------------------------------------
# Products. Each kind reads naturally in the slots:
#   this     singular noun phrase ("this kettle")            thing   the bare noun ("kettle")
#   good     clause praising an aspect ("it boils fast")     bad     clause with a clear fault
#   meh      calm, understated criticism ("the lid is a bit stiff")
#   broke    verb phrase after "it" for a failure ("stopped heating")
#   fact     neutral statement about it                      use     phrase after "I use it"
# -------------------------------------------------------------------------------------------------
PRODUCTS = {
    "audio": dict(
        brand=["Sonara", "Auralis", "Hushbud"],
        this=["this headset", "this pair of earbuds", "this speaker", "this pair of headphones"],
        thing=["headset", "earbuds", "speaker", "headphones"],
        good=["the sound is crisp and clear", "the battery lasts all day", "they stay in my ears even when I run",
              "the noise cancelling is excellent", "pairing took seconds", "the bass is deep without being muddy",
              "callers say I sound clear", "it fills the whole room with sound"],
        bad=["the sound is tinny", "the battery dies after an hour", "the left earbud keeps cutting out",
             "they hurt my ears after twenty minutes", "callers say I sound like I'm underwater",
             "it hisses when nothing is playing", "the volume buttons are impossible to find by feel"],
        meh=["the bass is a little weak", "the case feels a bit flimsy", "the volume doesn't go very high",
             "they get warm after an hour", "the sound is just okay"],
        broke=["stopped charging", "stopped pairing with my phone", "died", "started crackling"],
        fact=["it comes with three sizes of ear tips", "it charges over USB-C", "the case holds two extra charges",
              "it has a button for the voice assistant"],
        use=["at the gym", "on my commute", "for calls at work", "when I mow the lawn"],
        want=["a longer battery life", "a volume limit for kids", "a wired option", "a smaller case"],
    ),
    "phone gear": dict(
        brand=["Voltra", "CaseCraft", "Plugwell"],
        this=["this charger", "this phone case", "this cable", "this power bank", "this car mount"],
        thing=["charger", "case", "cable", "power bank", "mount"],
        good=["it charges my phone in about an hour", "it fits my phone perfectly", "it survived a fall down the stairs",
              "the cable is long enough to reach the bed", "it holds the phone steady on bumpy roads",
              "the buttons are easy to press through the case", "it charges two devices at once"],
        bad=["it only charges when the cable is bent a certain way", "the case doesn't fit around the camera",
             "it gets hot enough to worry me", "the mount drops my phone on every turn",
             "it charges slower than the cheap one it replaced", "the rubber edge peeled off in a week"],
        meh=["the case is a little slippery", "it's bulkier than I expected", "the cable is a bit short",
             "the grip is only so-so"],
        broke=["stopped working", "stopped charging", "frayed at the plug", "cracked"],
        fact=["it has two USB ports", "it comes in black and clear", "the cable is about six feet long",
              "it attaches with a suction cup"],
        use=["in the car", "on trips", "next to my bed", "every day"],
        want=["a longer cable", "a kickstand", "a version for the bigger phone", "a wall plug in the box"],
    ),
    "kitchen": dict(
        brand=["Kitchora", "Brewmont", "Panterra"],
        this=["this blender", "this kettle", "this frying pan", "this coffee maker", "this knife set", "this toaster"],
        thing=["blender", "kettle", "pan", "coffee maker", "knife set", "toaster"],
        good=["it turns frozen fruit into a smoothie in no time", "the water boils in under two minutes", "nothing sticks to the pan",
              "the coffee comes out hot and strong", "the knives are still sharp after months", "it toasts evenly",
              "it's easy to clean", "it looks great on the counter"],
        bad=["the lid leaks every time", "the coating scratched off in a month", "the coffee tastes like plastic",
             "the knives rusted after a few washes", "it burns one side and leaves the other pale",
             "the motor smells like it's burning", "the handle wobbles"],
        meh=["it's louder than I'd like", "the lid is a bit stiff", "it takes up more counter space than I expected",
             "the knob is awkward to turn", "the coffee is a little weak"],
        broke=["stopped heating", "stopped turning on", "cracked", "started leaking"],
        fact=["it holds about a litre and a half", "it comes with a measuring scoop", "the jug goes in the dishwasher",
              "it has three speed settings"],
        use=["every morning", "for smoothies", "for soups", "on weekends"],
        want=["a timer", "a bigger jug", "a keep-warm setting", "a second lid"],
    ),
    "home": dict(
        brand=["Dustless", "Lumora", "Restwell"],
        this=["this vacuum", "this lamp", "this desk chair", "this mattress", "this air purifier", "this fan"],
        thing=["vacuum", "lamp", "chair", "mattress", "purifier", "fan"],
        good=["it gets the sand out of the car mats", "the light is warm and easy on the eyes",
              "my back feels better after a long day", "I wake up without aches now", "the air feels cleaner",
              "it's quiet enough to sleep next to", "it was easy to put together"],
        bad=["it leaves crumbs behind on every pass", "the light flickers", "the seat sinks after an hour",
             "the mattress sags in the middle", "it's so loud we turn it off at night",
             "the wheels scratch the floor", "the holes didn't line up and one leg is short"],
        meh=["the cord is a bit short", "it's heavier than it looks", "the cushion is firmer than I like",
             "the light is dimmer than I expected"],
        broke=["stopped working", "stopped spinning", "lost suction", "broke"],
        fact=["it comes in a flat box", "it has three brightness levels", "the filter needs changing every six months",
              "it took about an hour to assemble"],
        use=["in the living room", "in my home office", "in the bedroom", "every other day"],
        want=["a longer cord", "a remote", "a washable filter", "a dimmer"],
    ),
    "clothing": dict(
        brand=["Northfold", "Threadly", "Tallow & Pine"],
        this=["this jacket", "this dress", "this shirt", "this pair of boots", "this backpack", "this pair of jeans"],
        thing=["jacket", "dress", "shirt", "boots", "backpack", "jeans"],
        good=["it fits true to size", "the fabric is soft and thick", "it kept me warm in the snow",
              "they were comfortable straight out of the box", "the stitching is solid",
              "it holds my laptop and a lunch without strain", "the colour is exactly like the photos"],
        bad=["it shrank in the dryer the first time", "the fabric is thin and see-through", "the zipper snags every time",
             "the seams came apart after a week", "the colour bled all over my other clothes",
             "they gave me blisters on the first day", "the straps dig into my shoulders"],
        meh=["it runs a little small", "the colour is duller than on the website", "the sleeves are a bit long",
             "the material wrinkles easily"],
        broke=["ripped at the seam", "lost a button", "fell apart", "split at the sole"],
        fact=["it comes in five colours", "I ordered a medium", "it has two inside pockets", "it's machine washable"],
        use=["to work", "on hikes", "for travel", "on weekends"],
        want=["more colours", "tall sizes", "a hood", "an inside pocket"],
    ),
    "care": dict(
        brand=["Dewleaf", "Purelle", "Shavewell"],
        this=["this moisturiser", "this shampoo", "this razor", "this sunscreen", "this hair dryer"],
        thing=["moisturiser", "shampoo", "razor", "sunscreen", "hair dryer"],
        good=["my skin feels soft all day", "my hair has never been shinier", "it gives a close shave without irritation",
              "it doesn't leave a white cast", "it dries my hair in half the time", "a little goes a long way"],
        bad=["it broke me out within two days", "it left my hair greasy", "it pulls instead of cutting",
             "it left a white film on my face", "the smell is overpowering", "it stings my eyes"],
        meh=["the scent is a bit strong", "the bottle is smaller than I expected", "it takes a while to absorb",
             "it's a little pricey for the size"],
        broke=["stopped working", "stopped blowing hot air", "leaked in my bag", "broke"],
        fact=["it's fragrance free", "it comes in a pump bottle", "it has two heat settings", "it's sold in packs of two"],
        use=["every morning", "after the shower", "before work", "at night"],
        want=["a travel size", "an unscented version", "a refill pack", "a pump instead of a tube"],
    ),
    "toys and games": dict(
        brand=["Playwise", "Brickton", "Gamewell"],
        this=["this puzzle", "this board game", "this toy", "this building set", "this remote control car"],
        thing=["puzzle", "game", "toy", "set", "car"],
        good=["my kids play with it every day", "the pieces fit together perfectly", "game night is so much more fun now",
              "it kept my son busy all afternoon", "it's sturdy enough for a toddler", "the rules are easy to learn"],
        bad=["pieces were missing from the box", "the rules make no sense", "it fell apart the first afternoon",
             "the paint chipped right away", "it's much smaller than the picture suggests", "the battery lasts ten minutes"],
        meh=["the box is bigger than the game", "it gets repetitive after a few rounds", "the pieces are a bit thin",
             "it's aimed at older kids than the box says"],
        broke=["broke", "stopped working", "lost a wheel", "snapped in half"],
        fact=["it's for ages eight and up", "it needs four AA batteries", "it has 500 pieces", "it takes two to six players"],
        use=["on family game night", "on rainy days", "with my nephews", "on long car rides"],
        want=["an expansion pack", "a storage bag for the pieces", "rechargeable batteries", "a version for younger kids"],
    ),
    "electronics": dict(
        brand=["Keyloft", "Pixela", "Tickwise"],
        this=["this keyboard", "this mouse", "this webcam", "this smartwatch", "this monitor", "this router"],
        thing=["keyboard", "mouse", "webcam", "watch", "monitor", "router"],
        good=["the keys feel great to type on", "it tracks smoothly on any surface", "the picture is sharp even in a dim room",
              "it tracks my runs accurately", "the colours are bright and sharp", "the signal reaches every room now"],
        bad=["keys stick and repeat letters", "the cursor jumps around", "the picture is grainy and dark",
             "the step count is way off", "there's a dead pixel in the middle", "the connection drops every evening"],
        meh=["the keys are a bit loud", "the stand wobbles a little", "the strap is a little stiff",
             "the setup took longer than it should"],
        broke=["stopped working", "stopped connecting", "died", "froze and never came back"],
        fact=["it connects over Bluetooth", "it comes with a USB receiver", "it has a 27 inch screen",
              "it needs a free app for setup"],
        use=["for work", "for gaming", "for video calls", "for running"],
        want=["a backlight", "a longer cable", "a carrying case", "a silent mode"],
    ),
}

# -------------------------------------------------------------------------------------------------
# Restaurants. Each kind has dishes (with article) and its own good/bad dish words; aspects of the visit are shared.
# -------------------------------------------------------------------------------------------------
RESTAURANTS = {
    "pizza": dict(
        name=["Luigi's Corner", "Slice Theory", "Forno Rosso"],
        place=["pizza place", "pizzeria"],
        dish=["the margherita", "the pepperoni pizza", "the garlic knots", "the crust", "the calzone", "the Caesar salad"],
    ),
    "sushi": dict(
        name=["Umi Sushi", "Koban", "Tide Roll"],
        place=["sushi bar", "sushi place"],
        dish=["the salmon nigiri", "the spicy tuna roll", "the miso soup", "the tempura", "the edamame", "the sashimi"],
    ),
    "mexican": dict(
        name=["Casa Verde", "Taqueria Sol", "El Farolito Azul"],
        place=["taqueria", "Mexican place"],
        dish=["the fish tacos", "the carnitas", "the guacamole", "the burrito", "the enchiladas", "the salsa"],
    ),
    "thai": dict(
        name=["Bangkok Lantern", "Thai Orchid House", "Lemongrass Lane"],
        place=["Thai place", "Thai restaurant"],
        dish=["the pad thai", "the green curry", "the spring rolls", "the tom yum soup", "the mango sticky rice"],
    ),
    "italian": dict(
        name=["Trattoria Bella", "Nonna's Table", "Osteria Lume"],
        place=["Italian restaurant", "trattoria"],
        dish=["the lasagna", "the carbonara", "the risotto", "the tiramisu", "the bruschetta", "the gnocchi"],
    ),
    "burger": dict(
        name=["Patty Shack", "Grill & Bun", "The Burger Barn"],
        place=["burger joint", "burger place"],
        dish=["the burger", "the fries", "the onion rings", "the milkshake", "the chicken sandwich", "the veggie burger"],
    ),
    "brunch": dict(
        name=["Sunny Side Diner", "The Morning Table", "Maple & Rye"],
        place=["diner", "brunch spot"],
        dish=["the pancakes", "the eggs Benedict", "the french toast", "the hash browns", "the omelette", "the coffee"],
    ),
    "cafe": dict(
        name=["Bean & Bloom", "Crumb Bakery", "The Copper Cup"],
        place=["cafe", "bakery", "coffee shop"],
        dish=["the latte", "the croissant", "the scones", "the cinnamon roll", "the sourdough", "the cappuccino"],
    ),
    "steak": dict(
        name=["Ember & Oak", "The Iron Grill", "Prime Cut House"],
        place=["steakhouse", "grill"],
        dish=["the ribeye", "the filet", "the mashed potatoes", "the creamed spinach", "the lamb chops", "the steak"],
    ),
    "indian": dict(
        name=["Saffron Garden", "Tandoor Nights", "Masala Street"],
        place=["Indian restaurant", "curry house"],
        dish=["the butter chicken", "the naan", "the samosas", "the lamb vindaloo", "the dal", "the biryani"],
    ),
    "noodles": dict(
        name=["Golden Noodle", "Dumpling Yard", "Wok This Way"],
        place=["noodle bar", "dumpling house", "Chinese restaurant"],
        dish=["the dumplings", "the beef noodle soup", "the fried rice", "the ramen", "the orange chicken", "the bao"],
    ),
    "seafood": dict(
        name=["The Salty Pier", "Harbour House", "Shell & Anchor"],
        place=["seafood place", "fish restaurant"],
        dish=["the fish and chips", "the clam chowder", "the lobster roll", "the grilled shrimp", "the oysters", "the crab cakes"],
    ),
}

RESTAURANT_WANTS = ["more vegetarian options", "a kids menu", "online ordering", "bigger tables for groups",
                    "brunch on Saturdays", "gluten-free bread", "a lunch special", "more seats outside"]
FOOD_GOOD = ["delicious", "amazing", "perfectly cooked", "full of flavour", "fresh and tasty", "out of this world",
             "to die for", "spot on", "cooked just right", "incredible", "really good", "excellent", "so tasty",
             "fantastic", "hot and fresh", "the best I've had in years"]
FOOD_BAD = ["bland", "cold", "overcooked", "greasy", "soggy", "stale", "burnt", "tasteless", "dry", "undercooked",
            "way too salty", "rubbery", "watery", "disgusting", "inedible", "awful", "lukewarm and chewy"]
FOOD_MEH = ["a bit dry", "a little bland", "on the salty side", "lukewarm", "not very fresh", "forgettable",
            "underwhelming", "nothing special", "okay at best", "pretty average", "a little greasy", "not as good as before"]
STAFF = ["our server", "the waiter", "the waitress", "the staff", "the bartender", "the host", "the owner"]
STAFF_GOOD = ["was friendly and attentive", "was so welcoming", "made great recommendations",
              "kept our glasses full without hovering", "remembered our order from last time", "treated us like family",
              "was lovely", "could not have been nicer"]
STAFF_BAD = ["was rude", "ignored us for twenty minutes", "got our order wrong twice", "rolled her eyes at us",
             "never came back to refill our water", "rushed us out the door", "was on his phone the whole time",
             "argued with us about the bill"]
PLACE_GOOD = ["The atmosphere is cozy and relaxed", "The patio is lovely on a summer evening", "The place is spotless",
              "Great vibe and good music", "The decor is charming", "The prices are very reasonable",
              "The portions are huge", "Service was quick and friendly"]
PLACE_BAD = ["The floor was grimy", "The tables were sticky", "The music was so loud we couldn't talk",
             "The bathroom was disgusting", "The prices are ridiculous for what you get", "The portions were tiny",
             "It smelled like old grease inside", "There were flies everywhere"]
WAITS = ["fifty minutes", "an hour", "over an hour", "45 minutes", "half an hour"]
PRICES = ["$18", "$25", "twenty dollars", "$14", "thirty bucks"]
TIMES = ["two months", "a year", "six months", "three years", "a few weeks", "a month"]
FAIL_TIMES = ["two days", "a week", "three weeks", "a month", "two months", "one use", "ten minutes", "a few days"]
PEOPLE = ["my son", "my daughter", "my husband", "my wife", "my dad", "my mom", "a friend", "my office", "my sister"]
DAYS = ["Tuesday", "Friday night", "Saturday", "a Sunday morning", "a weekday lunch", "Thursday"]

# Positives that describe the absence of a problem or the place a thing has taken in someone's life: common in real
# reviews, and easily read as complaints because they use a complaint's words ("no leaks", "never jams").
FLAWS = ["scratch", "leak", "hiccup", "crack", "glitch", "squeak", "wobble", "snag", "dropped call", "jam"]
LIFE_GOOD = ["I take it everywhere", "everyone asks me where I got it", "I reach for it every single day",
             "we've used it every day since it arrived", "it's the first thing I pack for a trip",
             "I ended up buying a second one", "{person} keeps borrowing it", "it earned a permanent spot on my desk",
             "I don't know how I managed without it", "it replaced three other gadgets in my drawer"]
# Calm complaints that describe a workaround or a small letdown without a single strong word.
WORKAROUNDS = ["I have to unplug it and plug it back in every morning", "you have to press the button three times before it turns on",
               "I have to hold it at an angle to get it to work", "I have to charge it every single night",
               "I have to wiggle the cable to get any sound", "you have to push down on the lid for it to start",
               "I have to restart it every few days", "I have to tape the flap shut"]
ADJ_GOOD = ["great", "excellent", "fantastic", "solid", "wonderful", "perfect", "awesome", "superb", "lovely",
            "impressive", "sturdy", "comfortable", "reliable"]
ADJ_BAD = ["terrible", "awful", "useless", "cheap", "flimsy", "poor", "horrible", "junk", "defective",
           "disappointing", "worthless", "garbage"]
INTENS = ["really", "very", "so", "super", "absolutely", "extremely", "incredibly", "truly", "pretty"]

# -------------------------------------------------------------------------------------------------
# Templates per (domain, category, sentiment). Slots: {this} {This} {thing} {good} {bad} {meh} {broke} {fact} {use}
# {brand} {time} {person} {adj_good} {adj_bad} {intens} for products; {dish} {Dish} {dish2} {food_good} {food_bad}
# {food_meh} {staff} {Staff} {staff_good} {staff_bad} {place_good} {place_bad} {wait} {price} {name} {place} {day}
# for restaurants.
# -------------------------------------------------------------------------------------------------
PRODUCT_TEMPLATES = {
    ("praise", "positive"): [
        "Works great.", "Works great, {good}.", "{This_cap} works great.", "Love {this}!", "Love it, {good}.",
        "{Good}.", "{Good} and {good2}.", "{Intens_cap} {adj_good} {thing}.", "{Adj_good} {thing}, {adj_good2} price.",
        "{This_cap} is {intens} {adj_good}.", "Exactly what I needed.", "Great quality for the price.",
        "Highly recommend {this}.", "I've been using it {use} for {time} and it still works like new.",
        "Does exactly what it says.", "Five stars, {good}.", "Best purchase I've made this year.",
        "Arrived quickly and works perfectly.", "Very happy with {this}.", "I would happily buy it again.",
        "Not bad at all for the price, {good}.", "No complaints so far, {good}.", "Can't beat it for the price.",
        "Bought one for {person} too.", "I was skeptical, but {good}.", "So glad I went with the {brand} one.",
        "I use it {use} and {good}.", "{Good}, couldn't be happier.", "Never had a problem with it.",
        "Worth every penny.", "Better than the expensive one I had before.", "{Adj_good} product, fast shipping.",
        "Still going strong after {time}.", "My second {brand} {thing} and just as good as the first.",
        "Easy to use and {good}.", "{Intens_cap} pleased, {good}.", "It doesn't disappoint.",
        "Good {thing}, does the job.", "Not a single complaint.", "I didn't expect much, but {good}.",
        "Not a single {flaw} after {time}.", "No {flaw}s, no fuss, {good}.", "Zero problems so far.",
        "Never had an issue with it.", "It hasn't let me down once in {time}.", "No more {flaw}s since I switched to {brand}.",
        "{Life_good}.", "{Life_good}, {good}.", "Honestly, {life_good}.", "It just works, {life_good}.",
        "Not one {flaw} in {time} of daily use.", "Survived {time} with {person} and still looks new.",
    ],
    ("other", "negative"): [
        "{Bad}.", "{Bad}, and {bad2}.", "Don't buy {this}.", "Complete waste of money.", "{Adj_bad_cap} {thing}.",
        "Very disappointed with {this}.", "{This_cap} is {adj_bad}.", "Returned it because {bad}.", "Not worth it.",
        "Poor quality, {bad}.", "Wouldn't recommend it to anyone.", "I regret buying {this}.",
        "Save your money, {bad}.", "Not what I expected at all.", "{Meh_cap}, and for the money I expected better.",
        "It's okay, but {meh}.", "I wanted to love it, but {bad}.", "Honestly, {meh}.", "Not impressed.",
        "Looks nice, but {bad}.", "{Meh_cap}, so it's going back.", "I expected more from {brand}.",
        "It does the job, barely.", "Not great, not what the pictures show.", "Meh. {Meh_cap}.",
        "Great, {bad}. Just what I wanted.", "Works great as a paperweight.", "Five stars for the packaging, zero for the {thing}.",
        "Wow, {bad}. Money well spent.", "I've had better ones from the dollar store.",
        "Not the worst, but {meh} and {meh2}.", "{Intens_cap} disappointing, {bad}.", "Nothing good to say about it.",
        "It's not terrible, but {meh}.", "Would give zero stars if I could.", "I won't be buying {brand} again.",
        "Wish I'd read the reviews first, {bad}.", "Cheap plastic, {bad}.", "Does not do what it says.",
        "Avoid {this}.", "Not good, {bad}.", "Doesn't fit and feels cheap.",
        "{Workaround_cap}.", "It works, but {workaround}.", "{Workaround_cap}, which gets old fast.",
        "It's fine for the price, but I wouldn't buy it again.", "After {time} it already looks worn out.",
        "It's not as sturdy as it looks.", "The quality just isn't there.", "It does the job, but {meh}.",
        "Probably going to return it.", "I keep going back to my old {thing}.",
    ],
    ("bug report", "negative"): [
        "{This_cap} {broke} after {ftime}.", "{Broke_cap} after {ftime}.", "It {broke} after {ftime}, what a letdown.",
        "Mine {broke} after {ftime} and {brand} won't answer my emails.", "Worked fine for {ftime}, then it {broke}.",
        "Doesn't work.", "Dead on arrival.", "Stopped working after {ftime}.", "It {broke} on the third day.",
        "Lasted {ftime}. Impressive.", "Arrived broken.", "It never worked properly.", "Great, it {broke} on day two.",
        "Second one I've bought and it {broke} too.",
    ],
    ("billing", "negative"): [
        "Overpriced for the quality.", "Not worth the price.", "I'm still waiting on my refund for {this}.",
        "Too expensive for such a {adj_bad} {thing}.", "They charged me twice and sent one {thing}.",
        "The price went up the day after I ordered.", "I paid extra for the {brand} name and got a {adj_bad} {thing}.",
    ],
    ("performance", "negative"): [
        "Took three weeks to arrive.", "Shipping took forever.", "It arrived a week late and {bad}.",
        "The delivery was late twice.",
    ],
    ("performance", "positive"): [
        "Came ahead of schedule and {good}.", "Fast shipping and {good}.", "Came the next day, well packed.",
    ],
    ("other", "neutral"): [
        "I bought {this} for {person}.", "{Fact_cap}.", "I use it {use}.", "It replaced my old {thing}.",
        "I ordered the {brand} one.", "I've had it for {time}.", "It arrived on {day}.",
        "I got {this} on sale.", "The box says {fact}.", "This is my first {brand} {thing}.",
        "I haven't used it much yet.", "I'm using it {use} for now.", "We'll see how it holds up.",
        "Bought it for {person}, {fact}.", "It came with a manual and a warranty card.", "I chose the {brand} {thing} over a cheaper one.",
        "It's a {thing}, {fact}.", "Ordered a replacement {thing} from {brand}.",
    ],
    # Suggestions: reviews ask for things too (feature request, as in the rest of the corpus).
    ("feature request", "neutral"): [
        "I wish it came with {want}.", "Would be nice if it had {want}.", "Please make a version with {want}.",
        "{Brand}, please add {want}.", "Only thing missing is {want}.", "Hoping the next one has {want}.",
    ],
    ("feature request", "positive"): [
        "Love it, but it really needs {want}.", "If it had {want} it would be perfect.",
        "Great {thing}, just add {want} and it's five stars.",
    ],
    # Mixed: the clause after "but" carries the label, as in generate.py.
    ("other", "mixed-negative"): [
        "{Good}, but {bad}.", "Nice design, but {bad}.", "It worked well at first, but {bad}.",
        "The price is right, but {meh}.", "{Good}, but {meh} and {meh2}.",
    ],
    ("praise", "mixed-positive"): [
        "{Meh_cap}, but {good}.", "It's not perfect, but {good}.", "{Meh_cap}, but for the price it's great.",
        "Took a while to get used to, but {good}.", "The instructions are useless, but {good}.",
    ],
}

RESTAURANT_TEMPLATES = {
    ("praise", "positive"): [
        "{Dish} {was} {food_good}.", "{Dish} {was} {food_good} and {staff} {staff_good}.", "{Dish} {is} a must.",
        "Everything we ordered was {food_good}.", "{Dish} {was} {food_good}, and {dish2} {was2} even better.",
        "Best {dish_bare} in town.", "We'll definitely be back.", "{Staff_cap} {staff_good}.", "{Place_good}.",
        "{Place_good}, and {dish} {was} {food_good}.", "Great food, great service.", "Never had a bad meal here.",
        "I can't wait to come back and try {dish2}.", "Not bad at all, {dish} {was} actually {food_good}.",
        "Food was {food_good} and came out fast.", "{Intens_cap} good {dish_bare}.", "Wow, {dish} {was} {food_good}!",
        "Loved this place.", "Our new favourite {place}.", "Five stars for {dish}.", "Highly recommend {name}.",
        "{Name} never disappoints.", "If you're nearby, get {dish}.", "A hidden gem, {dish} {was} {food_good}.",
        "{Dish} alone {is} worth the trip.", "Friendly staff and {dish} {was} {food_good}.",
        "Couldn't have asked for a better dinner.", "Came for {dish} and stayed for dessert.",
        "The kind of place you tell all your friends about.", "No complaints, {dish} {was} {food_good}.",
        "I'm still thinking about {dish}.", "We had a wonderful evening at {name}.", "Perfect spot for a date night.",
        "{Staff_cap} brought us a free dessert.", "{Staff_cap} remembered my allergy without me asking.",
        "They made room for our big group on a busy night.", "The chef came out to ask how we liked {dish}.",
        "They packed our leftovers with extra sauce.", "Not one bad bite all night.", "We had no complaints at all.",
        "My kids cleaned their plates, which never happens.", "We've been coming here for years and it never slips.",
    ],
    ("other", "negative"): [
        "{Dish} {was} {food_bad}.", "{Dish} {was} {food_bad} and {dish2} {was2} {food_bad2}.", "{Staff_cap} {staff_bad}.",
        "Won't be back.", "Never again.", "{Place_bad}.", "{Place_bad}, and {dish} {was} {food_bad}.",
        "I wouldn't recommend this place.", "Not impressed with {dish}, it was {food_meh}.", "{Dish} {was} {food_meh}.",
        "{Dish} {was} {food_meh}, and for {price} I expected more.", "Very disappointing dinner.",
        "Food was {food_bad}, service was worse.", "I really hoped to enjoy it here, but {dish} {was} {food_bad}.",
        "Nothing says fine dining like {food_bad} {dish_bare} and a sticky table.", "If you enjoy {food_bad} {dish_bare}, this is your place.",
        "Thanks for the {food_bad} {dish_bare}, I guess.", "Well, that was a waste of an evening.",
        "The worst {dish_bare} I've ever had.", "Not good.", "{Dish} tasted reheated.",
        "{Intens_cap} disappointed with {name}.", "Honestly, {dish} {was} {food_meh}.", "It's gone downhill.",
        "{Dish} {was} {food_meh} and {staff} {staff_bad}.", "Overhyped, {dish} {was} {food_meh}.",
        "We left hungry and annoyed.", "Sadly, {dish} {was} {food_bad}.", "My stomach was not happy afterwards.",
        "{Name} used to be good.", "Not worth the drive.", "I found a hair in {dish}.",
        "We probably won't be back.", "It was fine, but not worth {price}.", "{Dish} could use more seasoning.",
        "Maybe they had an off night, but {dish} {was} {food_meh}.", "We had to ask twice for water.",
        "{Dish} {was} smaller than last time and cost more.", "Nobody asked how our food was.",
        "We ended up eating somewhere else afterwards.", "I don't get the hype, {dish} {was} {food_meh}.",
    ],
    ("performance", "negative"): [
        "We waited {wait} for our food.", "We waited {wait} and {dish} still came out {food_bad}.",
        "Service was slow from start to finish.", "It took {wait} to get a table even with a reservation.",
        "Slow service and {food_bad} food.", "Loved waiting {wait} for {food_bad} {dish_bare}. Not.",
        "Our delivery took {wait} and arrived {food_bad}.",
    ],
    ("performance", "positive"): [
        "Food came out fast and {dish} {was} {food_good}.", "We were seated right away.",
        "Our delivery came early and still hot.",
    ],
    ("billing", "negative"): [
        "Way too expensive for {food_bad} food.", "{Price} for {dish_bare} this {food_meh} is a joke.",
        "Overpriced and {dish} {was} {food_meh}.", "They added a service charge without telling us.",
        "Paid {price} for a tiny plate of {food_meh} {dish_bare}.",
    ],
    ("billing", "positive"): [
        "Great food at a fair price.", "{Dish} {was} {food_good} and cheap too.", "Generous portions for the price.",
    ],
    ("other", "neutral"): [
        "We ordered {dish} and {dish2}.", "We came in on {day}.", "I had {dish}.", "We sat on the patio.",
        "They take reservations for groups of six or more.", "Parking is on the street.", "{Name} is a small {place}.",
        "They're open late on weekends.", "My friend picked this place for her birthday.", "We got takeout.",
        "It's a {place} near the station.", "The menu is mostly {dish_bare} and a few salads.",
        "We went for lunch on {day}.", "It was our first time at {name}.", "They only take cash.",
        "We shared {dish} and {dish2}.", "I ordered {dish} to go.", "They moved to a bigger space last year.",
    ],
    ("feature request", "neutral"): [
        "They should add {rwant}.", "Please bring back {dish}.", "I wish they had {rwant}.",
        "Would love to see {rwant}.", "Any chance of {rwant}?", "{Name} needs {rwant}.",
    ],
    ("feature request", "positive"): [
        "Great place, it just needs {rwant}.", "Love {name}, please add {rwant}.",
        "{Dish} {was} {food_good}, now please add {rwant}.",
    ],
    ("other", "mixed-negative"): [
        "{Dish} {was} {food_good}, but {staff} {staff_bad}.", "{Place_good}, but {dish} {was} {food_bad}.",
        "The food is good, but the wait is too long.", "{Dish} {was} {food_good}, but {dish2} {was2} {food_meh}.",
        "Nice place, but {dish} {was} {food_meh}.",
    ],
    ("praise", "mixed-positive"): [
        "{Place_bad}, but {dish} {was} {food_good}.", "The wait was long, but {dish} {was} worth it.",
        "{Dish} {was} {food_meh}, but {dish2} {was2} {food_good}.", "A bit pricey, but worth it.",
        "Hard to find, but {dish} {was} {food_good}.",
    ],
}

# Short verdicts and sentences that stand alone (no slots), each once.
STANDALONE = [
    ("Works as advertised.", "positive", "praise"), ("Highly recommended.", "positive", "praise"),
    ("Would buy again.", "positive", "praise"), ("Love love love it.", "positive", "praise"),
    ("Great value.", "positive", "praise"), ("Excellent, thank you.", "positive", "praise"),
    ("Simply the best.", "positive", "praise"), ("Exceeded my expectations.", "positive", "praise"),
    ("Couldn't be happier with it.", "positive", "praise"), ("Not bad at all.", "positive", "praise"),
    ("No regrets.", "positive", "praise"), ("Does the trick.", "positive", "praise"),
    ("It's a keeper.", "positive", "praise"), ("Absolutely worth it.", "positive", "praise"),
    ("My whole family loves it.", "positive", "praise"), ("Ten out of ten.", "positive", "praise"),
    ("Top notch.", "positive", "praise"), ("Pleasantly surprised.", "positive", "praise"),
    ("A real treat.", "positive", "praise"), ("Yummy!", "positive", "praise"),
    ("The food was great and the staff were lovely.", "positive", "praise"),
    ("Everything was perfect from start to finish.", "positive", "praise"),
    ("Can't say enough good things.", "positive", "praise"), ("A great find.", "positive", "praise"),
    ("I'd give it six stars if I could.", "positive", "praise"), ("Definitely coming back.", "positive", "praise"),
    ("Nothing to complain about.", "positive", "praise"), ("Impossible to get a bad meal here.", "positive", "praise"),
    ("Total waste of money.", "negative", "other"), ("Do not buy.", "negative", "other"),
    ("Junk.", "negative", "other"), ("Very disappointed.", "negative", "other"),
    ("Not recommended.", "negative", "other"), ("Stay away.", "negative", "other"),
    ("Terrible experience.", "negative", "other"), ("What a letdown.", "negative", "other"),
    ("Not worth the money.", "negative", "other"), ("Never again.", "negative", "other"),
    ("Avoid at all costs.", "negative", "other"), ("Big disappointment.", "negative", "other"),
    ("Meh.", "negative", "other"), ("I expected more.", "negative", "other"),
    ("Not as good as I hoped.", "negative", "other"), ("Pretty mediocre overall.", "negative", "other"),
    ("Underwhelming.", "negative", "other"), ("It was okay, I guess, but I won't go back.", "negative", "other"),
    ("Not my cup of tea.", "negative", "other"), ("Sadly not what I was hoping for.", "negative", "other"),
    ("Returned it the same day.", "negative", "other"), ("Cheaply made.", "negative", "other"),
    ("Not great.", "negative", "other"), ("Could have been so much better.", "negative", "other"),
    ("The food was bland and the service was slow.", "negative", "other"),
    ("Overpriced and underwhelming.", "negative", "billing"), ("Not worth the hype.", "negative", "other"),
    ("Yuck.", "negative", "other"), ("What a joke.", "negative", "other"),
    ("Lasted about as long as the box it came in.", "negative", "bug report"),
    ("Well, that was a waste of twenty dollars.", "negative", "billing"),
    ("Oh good, cold fries again.", "negative", "other"), ("Sure, if you like waiting an hour for a sandwich.", "negative", "performance"),
    ("Nice try, but no.", "negative", "other"), ("One star is generous.", "negative", "other"),
    ("I bought it last month.", "neutral", "other"), ("We went there for dinner.", "neutral", "other"),
    ("It's my first review.", "neutral", "other"), ("Ordered it online.", "neutral", "other"),
    ("We were a group of eight.", "neutral", "other"), ("It was a gift.", "neutral", "other"),
    ("We'll try the other location next time.", "neutral", "other"), ("The kids had the chicken nuggets.", "neutral", "other"),
    ("I got the large size.", "neutral", "other"), ("We've been here twice now.", "neutral", "other"),
]

WEIGHTS = {
    ("praise", "positive"): 30, ("other", "negative"): 26, ("bug report", "negative"): 6, ("billing", "negative"): 3,
    ("performance", "negative"): 3, ("performance", "positive"): 2, ("billing", "positive"): 1,
    ("other", "neutral"): 16, ("other", "mixed-negative"): 5, ("praise", "mixed-positive"): 4,
    ("feature request", "neutral"): 4, ("feature request", "positive"): 2,
}


def _cap(text):
    return text[:1].upper() + text[1:]


def _pick_two(values, rng):
    first = rng.choice(values)
    rest = [v for v in values if v != first] or values
    return first, rng.choice(rest)


def _was(dish):
    """'was' or 'were' for a dish ("the fries were", "the lasagna was")."""
    last = dish.split()[-1]
    return "were" if last.endswith("s") and not last.endswith("ss") else "was"


def fill(template, domain, kind, rng):
    if domain == "product":
        p = PRODUCTS[kind]
        i = rng.randrange(len(p["this"]))
        good, good2 = _pick_two(p["good"], rng)
        bad, bad2 = _pick_two(p["bad"], rng)
        meh, meh2 = _pick_two(p["meh"], rng)
        adj_good, adj_good2 = _pick_two(ADJ_GOOD, rng)
        values = dict(flaw=rng.choice(FLAWS), life_good=rng.choice(LIFE_GOOD), workaround=rng.choice(WORKAROUNDS),
                      want=rng.choice(p["want"]), this=p["this"][i], thing=p["thing"][i], good=good, good2=good2, bad=bad, bad2=bad2, meh=meh,
                      meh2=meh2, broke=rng.choice(p["broke"]), fact=rng.choice(p["fact"]), use=rng.choice(p["use"]),
                      brand=rng.choice(p["brand"]), time=rng.choice(TIMES), ftime=rng.choice(FAIL_TIMES), person=rng.choice(PEOPLE),
                      adj_good=adj_good, adj_good2=adj_good2, adj_bad=rng.choice(ADJ_BAD), intens=rng.choice(INTENS),
                      day=rng.choice(DAYS))
    else:
        r = RESTAURANTS[kind]
        dish, dish2 = _pick_two(r["dish"], rng)
        food_bad, food_bad2 = _pick_two(FOOD_BAD, rng)
        values = dict(dish=dish, dish2=dish2, was=_was(dish), was2=_was(dish2),  dish_bare=re.sub(r"^the ", "", dish), food_good=rng.choice(FOOD_GOOD),
                      food_bad=food_bad, food_bad2=food_bad2, food_meh=rng.choice(FOOD_MEH), staff=rng.choice(STAFF),
                      staff_good=rng.choice(STAFF_GOOD), staff_bad=rng.choice(STAFF_BAD),
                      place_good=rng.choice(PLACE_GOOD), place_bad=rng.choice(PLACE_BAD), wait=rng.choice(WAITS),
                      price=rng.choice(PRICES), name=rng.choice(r["name"]), place=rng.choice(r["place"]),
                      day=rng.choice(DAYS), intens=rng.choice(INTENS), rwant=rng.choice(RESTAURANT_WANTS))

    if domain != "product":
        values["is"] = "are" if values["was"] == "were" else "is"

    def replace(match):
        key = match.group(1)
        plain = key[:-4] if key.endswith("_cap") else key
        value = values[plain.lower()]
        return _cap(value) if key[0].isupper() or key.endswith("_cap") else value

    text = re.sub(r"\{([A-Za-z_0-9]+)\}", replace, template)
    text = re.sub(r"\{([A-Za-z_0-9]+)\}", replace, text)
    return re.sub(r"([.!?]) ([a-z])", lambda m: m.group(1) + " " + m.group(2).upper(), text)


def vary(text, sentiment, rng):
    """Review register: lower case, dropped full stops, '!' and '!!', a few 'Five stars.' style titles."""
    roll = rng.random()
    if roll < 0.15:
        text = text.lower()
    elif roll < 0.3:
        text = text.rstrip(".")
    elif roll < 0.33 and sentiment == "negative":
        text = text.upper()
    if rng.random() < 0.08:
        text = text.rstrip(".!") + {"positive": rng.choice(["!", "!!", "!!!", " :)"]),
                                    "negative": rng.choice(["!", "!!", "...", " :("]),
                                    "neutral": "."}[sentiment]
    return re.sub(r"[ ]+", " ", text).strip()


def generate(seed, target):
    """About `target` product- and restaurant-review rows: the standalone sentences once each, then templated rows
    (half about products, half about restaurants)."""
    rng = random.Random(seed)
    rows = list(STANDALONE)
    seen = {re.sub(r"\W+", " ", t.lower()).strip() for t, _, _ in rows}
    cells = list(WEIGHTS)
    weights = [WEIGHTS[c] for c in cells]
    products, restaurants = sorted(PRODUCTS), sorted(RESTAURANTS)
    attempts = 0
    while len(rows) < target and attempts < target * 50:
        attempts += 1
        domain = "product" if attempts % 2 else "restaurant"
        templates = PRODUCT_TEMPLATES if domain == "product" else RESTAURANT_TEMPLATES
        category, cell = rng.choices(cells, weights)[0]
        if (category, cell) not in templates:
            continue
        sentiment = cell.split("-")[-1]
        kind = rng.choice(products if domain == "product" else restaurants)
        text = vary(fill(rng.choice(templates[(category, cell)]), domain, kind, rng), sentiment, rng)
        key = re.sub(r"\W+", " ", text.lower()).strip()
        if key in seen:
            continue
        seen.add(key)
        rows.append((text, sentiment, category))
    return rows
