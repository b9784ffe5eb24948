// Name pools for synthetic funds: jurisdictions and their places, issuer and issue patterns, people,
// insurers. Every name a generated file prints comes from here; none is meant to be a real fund,
// issue or person.

export interface Jurisdiction {
  name: string;
  places: readonly string[];
}

const RAW_JURISDICTIONS = [
  'Alabama:Birmingham,Huntsville,Mobile,Tuscaloosa',
  'Alaska:Anchorage,Juneau,Fairbanks',
  'Arizona:Phoenix,Tucson,Mesa,Chandler',
  'Arkansas:Little Rock,Fayetteville,Jonesboro',
  'California:Sacramento,Fresno,Oakland,Riverside,San Mateo',
  'Colorado:Denver,Aurora,Boulder,Pueblo',
  'Connecticut:Hartford,New Haven,Stamford',
  'Delaware:Wilmington,Dover,Newark',
  'District of Columbia:Washington',
  'Florida:Miami-Dade,Orlando,Tampa,Jacksonville,Broward',
  'Georgia:Atlanta,Savannah,Augusta,Macon',
  'Guam:Hagatna',
  'Hawaii:Honolulu,Maui,Hilo',
  'Idaho:Boise,Nampa,Pocatello',
  'Illinois:Chicago,Springfield,Peoria,Cook',
  'Indiana:Indianapolis,Fort Wayne,Evansville',
  'Iowa:Des Moines,Cedar Rapids,Ames',
  'Kansas:Wichita,Topeka,Lawrence',
  'Kentucky:Louisville,Lexington,Bowling Green',
  'Louisiana:New Orleans,Baton Rouge,Shreveport',
  'Maine:Portland,Bangor,Augusta',
  'Maryland:Baltimore,Annapolis,Montgomery',
  'Massachusetts:Boston,Worcester,Springfield',
  'Michigan:Detroit,Grand Rapids,Lansing,Ann Arbor',
  'Minnesota:Minneapolis,St. Paul,Rochester',
  'Mississippi:Jackson,Gulfport,Hattiesburg',
  'Missouri:Kansas City,St. Louis,Springfield',
  'Montana:Billings,Missoula,Helena',
  'Nebraska:Omaha,Lincoln,Grand Island',
  'Nevada:Las Vegas,Reno,Clark',
  'New Hampshire:Manchester,Nashua,Concord',
  'New Jersey:Newark,Jersey City,Trenton,Camden',
  'New Mexico:Albuquerque,Santa Fe,Las Cruces',
  'New York:Buffalo,Albany,Rochester,Syracuse,Yonkers',
  'North Carolina:Charlotte,Raleigh,Durham,Greensboro',
  'North Dakota:Fargo,Bismarck,Grand Forks',
  'Ohio:Columbus,Cleveland,Cincinnati,Toledo',
  'Oklahoma:Oklahoma City,Tulsa,Norman',
  'Oregon:Portland,Salem,Eugene',
  'Pennsylvania:Philadelphia,Pittsburgh,Allentown,Erie',
  'Puerto Rico:San Juan',
  'Rhode Island:Providence,Warwick,Cranston',
  'South Carolina:Charleston,Columbia,Greenville',
  'South Dakota:Sioux Falls,Rapid City,Pierre',
  'Tennessee:Nashville,Memphis,Knoxville,Chattanooga',
  'Texas:Houston,Dallas,Austin,San Antonio,Harris,El Paso',
  'Utah:Salt Lake City,Provo,Ogden',
  'Vermont:Burlington,Montpelier,Rutland',
  'Virginia:Richmond,Norfolk,Fairfax,Arlington',
  'Washington:Seattle,Spokane,Tacoma,King',
  'West Virginia:Charleston,Morgantown,Huntington',
  'Wisconsin:Milwaukee,Madison,Green Bay',
  'Wyoming:Cheyenne,Casper,Laramie',
] as const;

export const JURISDICTIONS: readonly Jurisdiction[] = RAW_JURISDICTIONS.map((row) => {
  const [name, places] = row.split(':') as [string, string];
  return { name, places: places.split(',') };
});

export type Sector = 'general_obligation' | 'revenue' | 'pre_refunded';

interface IssuerPattern {
  /** `{place}`, `{state}` and `{org}` are filled in. */
  issuer: string;
  purposes: readonly string[];
  sector: Sector;
  org?: readonly string[];
}

const HOSPITALS = ['Mercy Regional Health System', 'Lakeside Medical Center', "Children's Hospital Obligated Group", 'Valley Baptist Health', 'Good Shepherd Health Network', 'Northfield Memorial Hospital', 'Sisters of Charity Health Group', 'Riverbend Health Partners'];
const COLLEGES = ['Riverside University', 'Lakeview College', 'Harborview Institute of Technology', 'Summit State University', 'Pinecrest College', 'Western Plains University', 'Northgate Community College'];
const PROJECTS = ['Harbor Energy Recovery LLC Project', 'Clearwater Paper Mill Project', 'Green Valley Senior Living Project', 'Cedar Ridge Student Housing LLC', 'Port Terminal Redevelopment Project', 'Northern Transit Express Project', 'Bluewater Desalination Project'];

export const ISSUER_PATTERNS: readonly IssuerPattern[] = [
  { issuer: '{place} (City of)', purposes: ['Unlimited Tax GO Bonds', 'Limited Tax GO Bonds', 'Ref. Unlimited Tax GO Bonds'], sector: 'general_obligation' },
  { issuer: '{place} (County of)', purposes: ['Unlimited Tax GO Bonds', 'Ref. Limited Tax GO Bonds', 'Public Improvement GO Bonds'], sector: 'general_obligation' },
  { issuer: '{state} (State of)', purposes: ['Various Purpose Unlimited Tax GO Bonds', 'General Fund Annual Appropriation RB', 'Ref. GO Bonds'], sector: 'general_obligation' },
  { issuer: '{place} Independent School District', purposes: ['School Building Unlimited Tax GO Bonds', 'Ref. Schoolhouse GO Bonds'], sector: 'general_obligation' },
  { issuer: '{state} (State of) Health Facilities Financing Authority ({org})', purposes: ['Hospital RB', 'Ref. Health Care Facilities RB', 'Hospital Revenue & Ref. RB'], sector: 'revenue', org: HOSPITALS },
  { issuer: '{state} (State of) Higher Educational Facilities Authority ({org})', purposes: ['Educational Facilities RB', 'Ref. RB', 'Student Housing RB'], sector: 'revenue', org: COLLEGES },
  { issuer: '{state} (State of) Economic Development Authority ({org})', purposes: ['Exempt Facilities RB', 'Solid Waste Disposal RB', 'Special Facilities RB'], sector: 'revenue', org: PROJECTS },
  { issuer: '{place} Water & Sewer Authority', purposes: ['Water & Sewer System RB', 'Ref. Waterworks & Sewer System RB', 'Second Lien Water RB'], sector: 'revenue' },
  { issuer: '{place} Airport Authority', purposes: ['Airport System RB', 'Sub. Lien Airport RB', 'Ref. Airport Facilities RB'], sector: 'revenue' },
  { issuer: '{state} Turnpike Commission', purposes: ['Turnpike RB', 'Sr. Lien Toll Road RB', 'Sub. Lien Toll RB'], sector: 'revenue' },
  { issuer: '{state} Housing Finance Agency', purposes: ['Single Family Mortgage RB', 'Multifamily Housing RB'], sector: 'revenue' },
  { issuer: '{place} Public Power Agency', purposes: ['Electric System RB', 'Ref. Power Supply RB'], sector: 'revenue' },
  { issuer: '{place} Transit Authority', purposes: ['Sales Tax RB', 'Transportation System RB', 'Ref. Dedicated Tax RB'], sector: 'revenue' },
  { issuer: '{place} Redevelopment Agency', purposes: ['Tax Increment Allocation RB', 'Special Tax RB'], sector: 'revenue' },
  { issuer: '{place} Convention Center Authority', purposes: ['Hotel Occupancy Tax RB', 'Lease RB'], sector: 'revenue' },
  { issuer: '{state} (State of) Finance Authority', purposes: ['Public Project Revolving Fund RB', 'Lease Appropriation RB', 'COP'], sector: 'revenue' },
];

export const SERIES_LETTERS = ['', ' A', ' A', ' B', ' B', ' C', ' A-1', ' A-2', ' D'] as const;

/** Coupons in basis points (0 is a capital appreciation bond). */
export const COUPONS_BP = [300, 325, 400, 400, 425, 500, 500, 500, 500, 525, 525, 550, 575, 600, 0] as const;

interface Insurer {
  code: string;
  meaning: string;
}

export const INSURERS: readonly Insurer[] = [
  { code: 'AGM', meaning: 'Assured Guaranty Municipal Corp.' },
  { code: 'BAM', meaning: 'Build America Mutual Assurance Co.' },
  { code: 'NATL', meaning: 'National Public Finance Guarantee Corp.' },
  { code: 'AGC', meaning: 'Assured Guaranty Corp.' },
];

export const FIRST_NAMES = ['Avery', 'Blake', 'Cameron', 'Dana', 'Elliot', 'Frances', 'Gale', 'Harper', 'Ines', 'Jordan', 'Kendall', 'Leigh', 'Morgan', 'Noel', 'Owen', 'Parker', 'Quinn', 'Reese', 'Sloane', 'Tatum', 'Vivian', 'Wren'];
export const LAST_NAMES = ['Abernathy', 'Bellweather', 'Castellano', 'Draycott', 'Ellsworth', 'Fairbanks', 'Gallagher', 'Hollister', 'Ingram', 'Jessup', 'Kirkland', 'Lindqvist', 'Marchetti', 'Northcott', 'Okonkwo', 'Pemberton', 'Quarles', 'Rutherford', 'Sandoval', 'Thornbury', 'Underhill', 'Vasquez', 'Whitcombe', 'Yardley'];
export const INITIALS = ['A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'G.', 'H.', 'J.', 'K.', 'L.', 'M.', 'P.', 'R.', 'S.', 'T.', 'W.'];

export const FUND_WORDS = {
  prefix: ['Meridian', 'Harborline', 'Crestview', 'Northwind', 'Keystone', 'Bluestem', 'Ridgeway', 'Lanternfield', 'Summit Park', 'Oakhaven', 'Silverlake', 'Stonebridge'],
  middle: ['Municipal Income', 'Quality Municipal', 'Tax-Exempt Income', 'Municipal Opportunity', 'Investment Grade Municipal', 'Municipal Value', 'Insured Municipal'],
  suffix: ['Trust', 'Fund', 'Securities'],
  adviser: ['Advisers, LLC', 'Asset Management, Inc.', 'Investment Management Co.', 'Capital Advisors, L.P.'],
};

export const INDEX_NAMES = ['Synthetic Municipal Bond Index', 'Synthetic Long Municipal Index', 'Synthetic Investment Grade Municipal Index'];
export const PEER_WORDS = ['Alder', 'Birch', 'Cedar', 'Dogwood', 'Elm', 'Fir', 'Ginkgo', 'Hawthorn', 'Ironwood', 'Juniper', 'Larch', 'Maple', 'Nutmeg', 'Olive', 'Poplar', 'Redwood', 'Spruce', 'Tamarack', 'Willow'];

export const PREFERRED_KINDS = ['Auction Rate Preferred Shares', 'Remarketed Preferred Shares', 'Variable Rate Preferred Shares'];
