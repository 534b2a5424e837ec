import Testing
@testable import Evidence

/// Issue 8 point 10: a deploy claim is an item whose own action is deploying, not any item
/// that says "deploy" somewhere.
@Suite struct DeployClaimTests {
    static let claims: [String] = [
        "Deploy all `infra` stacks and verify that resource details are in SSM.",
        "**TODO 2.5:** Deploy all `infra` stacks.",
        "**TODO 3.1: Deploy the API**: to dev.",
        "Deploy `api/jobs`.",
        "deploy the cognito stack",
        "Redeploy `services/accounts` after the change.",
        "Re-deploy the S3 stack.",
        "Perform a full deployment of `infra`.",
        "Run a full deploy of every service.",
        "Do a fresh deployment of `services`.",
        "Execute a complete deployment to prod.",
        "`infra/s3` deployed to prod.",
        "Stacks are deployed.",
        "All `infra` stacks deployed in us-west-2.",
        "The API gateway is deployed and healthy.",
        "Cognito stack was deployed.",
        "Create `infra/s3/serverless.yml` and deploy it.",
        "Build the binaries, then deploy `services/api`.",
        "Merge the branch and deploy `api`.",
        "Services redeployed to dev.",
        "Make sure `infra` is deployed.",
        "Ensure that every stack is deployed.",
        "Verify that `infra/cognito` is deployed.",
        "We deploy `services/jobs` to staging.",
        "`services/clients` fully deployed.",
    ]

    static let notClaims: [String] = [
        "Leave `services/x` out of the compose file; it deploys on its own.",
        "Define the deployment order and dependencies for all `infra` and `services` stacks.",
        "Document how to deploy `services/api`.",
        "Write the deployment guide for `infra`.",
        "Redeployment later.",
        "Check the stack once it is deployed.",
        "Add outputs so it can be deployed later.",
        "Update `README.md`: deploy steps.",
        "Test locally before deploying `api`.",
        "Review `serverless.yml` (deploy happens in CI).",
        "Create `infra/s3/serverless.yml` for all S3 buckets.",
        "Move all existing `serverless-*.yml` files into the `services` directory.",
        "Do not deploy `services/legacy`.",
        "Never deploy from a laptop.",
        "Add a deploy script to `scripts/`.",
        "Set up the deployment pipeline.",
        "When `infra` is deployed, update the DNS.",
        "Remove the deploy bucket from `infra/s3`.",
        "Investigate why deploys of `api` are slow.",
        "Record the deployment region in `README.md`.",
    ]

    @Test(arguments: claims) func isADeployClaim(_ text: String) {
        #expect(PlanText.saysDeploy(text), "\(text)")
    }

    @Test(arguments: notClaims) func isNotADeployClaim(_ text: String) {
        #expect(!PlanText.saysDeploy(text), "\(text)")
    }

    @Test func theTableHasAtLeastFortyPhrasings() {
        #expect(Self.claims.count + Self.notClaims.count >= 40)
    }
}
