package lexicon

import "strings"

// The lists below are closed classes of general English news vocabulary: job titles and ranks, the head
// nouns that end organisation names, geographic head nouns, and function words. They name no person,
// organisation or place.

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// titleWords are words that make up job titles and ranks ("Assistant Secretary-General", "Prime Minister").
var titleWords = set(`president vice prime minister ministers secretary general secretary-general deputy assistant
director director-general directors chairman chairwoman chairperson chair chief head leader leaders ambassador
ambassadors envoy envoys special spokesman spokeswoman spokesperson senator congressman congresswoman
representative governor mayor king queen prince princess sheikh emir sultan pope cardinal bishop archbishop
colonel major captain lieutenant commander admiral sergeant marshal brigadier officer judge justice chancellor
premier consul counsellor counselor attache delegate adviser advisor coordinator commissioner undersecretary
under-secretary acting former executive political senior top supreme crown foreign defence defense interior
finance economy trade justice health education affairs state national security intelligence deputy-director
first second lady mr mrs ms miss dr prof professor sir lord dame rev reverend imam rabbi ayatollah mufti
analyst editor correspondent reporter journalist photographer columnist founder ceo cfo coo chairman-elect
president-elect treasurer registrar provost dean rector warden superintendent inspector ombudsman
spokesmen diplomat diplomats official officials militant desk division politburo majority minority whip
speaker`)

// postWords are the title words that name a post someone holds, as opposed to a description
// ("diplomat", "official") or a modifier ("acting", "senior").
var postWords = set(`president assistant minister secretary secretary-general deputy director director-general chairman
chairwoman chairperson chair chief head leader ambassador envoy spokesman spokeswoman spokesperson senator
congressman congresswoman representative governor mayor king queen prince princess sheikh emir sultan pope
cardinal bishop archbishop colonel major captain lieutenant commander admiral sergeant marshal brigadier judge
chancellor premier consul counsellor counselor attache delegate adviser advisor coordinator commissioner
undersecretary under-secretary analyst editor correspondent columnist founder ceo cfo coo treasurer dean
rector ombudsman speaker whip`)

// honorifics precede a person's name but are not posts.
var honorifics = set(`mr mrs ms miss dr prof professor sir lord dame rev reverend`)

// orgHeads end the names of organisations ("Arab League", "Ministry of Health", "Israel Defense Forces").
var orgHeads = set(`ministry ministries department league forces force council court party authority
organisation organization agency bank union assembly committee commission office corps army navy senate
parliament congress institute university college school company corporation corp inc ltd llc plc group fund
front movement brigades brigade service services bureau forum association federation foundation police guard
guards media news times post journal herald tribune gazette telegraph network television radio broadcasting
airlines airways embassy consulate government administration cabinet politburo secretariat tribunal alliance
coalition organisation agency council commission church mission program programme centre center hospital
board club society academy laboratory laboratories observatory exchange reserve airline industries holdings
partners bloc caucus junta militia nations community`)

// organWords name a body inside an organisation; "the Workers Party Politburo" stands for the party itself.
var organWords = set(`politburo`)

// orgNouns are lowercase nouns that, in apposition or right after a name, show the name is an
// organisation ("Credit Lyonnais, a French bank"; "the Frelimo delegation").
var orgNouns = set(`bank company group firm organisation organization party movement militia newspaper agency
network faction airline broadcaster insurer government leadership delegation officials militants fighters
movement ministry council authority administration regime forces army union alliance coalition outlet
publication website platform charity`)

// geoHeads end the names of places ("Gaza Strip", "Sinai Peninsula").
var geoHeads = set(`strip peninsula gulf sea ocean river valley heights desert mountains mountain island islands
coast territories territory province region governorate crossing bay lake canal straits strait plateau basin`)

// directions start compound place names ("West Bank", "North Africa", "Middle East").
var directions = set(`north south east west northern southern eastern western middle far near
north-east north-west south-east south-west northeast northwest southeast southwest upper lower`)

// functionWords are capitalised only because they start a sentence or a headline; they never start a name.
var functionWords = set(`a an the this that these those it its he she they we i you his her their our my your
in on at as of for from with by to into onto over under about after before during since until while when where
why how what which who whom whose if then than though although because but and or nor so yet also both either
neither each every all any some many much more most other another such no not only even just still however
furthermore moreover therefore instead meanwhile nevertheless thus hence besides additionally according
following regarding including despite through throughout within without among between against toward towards
above below up down out off again once here there now today yesterday tomorrow last next earlier later
recently currently first second third new old related read see watch editor's copyright photo image caption
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december is are was were be been has have had do does did will would can could
should might must shall let please is it's`)

// IsTitleWord reports whether a word can be part of a job title or rank.
func IsTitleWord(w string) bool { return titleWords[strings.ToLower(w)] }

// IsPostWord reports whether a word names a post (not only describes a person).
func IsPostWord(w string) bool { return postWords[strings.ToLower(w)] }

// IsHonorific reports whether a word is a courtesy title such as Mr or Dr.
func IsHonorific(w string) bool { return honorifics[strings.ToLower(strings.TrimSuffix(w, "."))] }

// IsOrgHead reports whether a word ends organisation names.
func IsOrgHead(w string) bool { return orgHeads[strings.ToLower(w)] }

// IsOrganWord reports whether a word names a body inside an organisation.
func IsOrganWord(w string) bool { return organWords[strings.ToLower(w)] }

// IsOrgNoun reports whether a lowercase noun marks the name before it, or in apposition, as an organisation.
func IsOrgNoun(w string) bool { return orgNouns[strings.ToLower(w)] }

// IsGeoHead reports whether a word ends place names.
func IsGeoHead(w string) bool { return geoHeads[strings.ToLower(w)] }

// IsDirection reports whether a word is a compass or relative direction that starts place names.
func IsDirection(w string) bool { return directions[strings.ToLower(w)] }

// IsFunctionWord reports whether a word never starts a name.
func IsFunctionWord(w string) bool { return functionWords[strings.ToLower(w)] }
