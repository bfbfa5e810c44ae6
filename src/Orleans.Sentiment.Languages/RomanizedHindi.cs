using System.Collections.Frozen;

namespace Orleans.Sentiment.Languages;

/// <summary>
/// Hindi written in Latin letters ("yeh movie bahut acchi hai", "bhai bt nhi krna"), as most Hindi comments online are. Lingua models Hindi
/// in Devanagari only and read every one of 324 romanized Hindi tweets as another language, mostly English, so a text
/// whose words are largely common Hindi function words is taken for Hindi. The list leaves out words that are also
/// common in English or the Romance and Germanic languages ("to", "me", "se", "na", "mein", "tu", "bas", "hay").
/// </summary>
internal static class RomanizedHindi
{
    public const string Code = "hi";

    /// <summary>The share of a text's words that must be common Hindi words for it to be taken for Hindi.</summary>
    private const double MinShare = 0.2;

    private static readonly FrozenSet<string> CommonWords = """
        hai hain ki ka ke ko kya kyu kyun kyon kyonki kyunki nahi nahin nhi nai bhi bhai bhaiya ye yeh wo woh vo voh
        aur tha thi thay ho hoga hogi honge hota hoti hote hua hui hue raha rahi rahe rha rhi rhe kar karo karna karne
        karke kiya kiye kisi kis kuch kuchh koi sab sabse sabhi ek aap apna apni apne tum tujhe tumhe tumhara tumhari
        tera teri tere meri mujhe mujhko hum hame hamein humein hamara hamari hamare unka unki unke uska uski uske iska
        iski iske isko usko unko inko jo jab kab ab abhi kabhi phir toh tho bahut bohot bahot bhot bht accha acha achha
        achchi acchi theek thik sahi galat matlab lekin magar pe mei liye wala wale wali gaya gayi gaye gya gyi diya diye
        liya dena dekho dekh dekha bol bolo bolna kaha kehna kaise kaisa kaisi kahan kahin yaha yahan waha wahan idhar
        udhar jaise waise itna itni itne kitna kitni kitne zyada jyada jada kam raat aaj kal subah shaam logon baat baate
        baatein dil pyaar pyar yaar yar sach jhooth sirf chal chalo chalte jana jao jaa aaja aao aaya aaye aayi khana
        paani ghar desh duniya zindagi hoon hun hu hona hone wahi yahi vahi yehi bilkul shayad zaroor jarur jaroor agar
        warna varna ji jee sahab saab bhagwan bhagwaan khuda mujhse tumse aapko aapka aapki aapke humko hamko unhe
        unhone usne maine tumne humne inhe inka inki inke kaun konsa saath sath bina pehle pahle baad baar wapas upar
        neeche bahar samajh samjh soch socho sochna chahiye chahte chahta chahti sakta sakti sakte paise paisa rupay
        rupaye sarkar neta janta hamesha kyaa kiska kiski kiske jaana aana khush dukh mazaa maza badiya badhiya bekar
        bakwas pagal saala kamine kutta isliye kaam bada badi bade ladka ladki ladke krna krne kr kro krte krti krta hoo
        gyi gye jb tb pr khali bata batao dekhna dimag kharab khrab lagta lagti lagte laga lagi mila mile milta milte raho
        rehte rehta rahega humesha humesa sayad hamesa tabhi jabki yahi waala waali nhii nahii thik hyi hye mujhe
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The share of <paramref name="words"/> (lowercase Latin words) that are common Hindi words, when it is enough to call the text Hindi.</summary>
    public static double? Share(IReadOnlyList<string> words)
    {
        var hits = words.Count(CommonWords.Contains);
        var share = words.Count == 0 ? 0 : (double)hits / words.Count;
        return hits > 0 && share >= MinShare ? share : null;
    }
}
